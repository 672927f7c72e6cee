package org.openenvelope.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.openenvelope.account.Account;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;

/**
 * A named bearer token for the REST API. It acts for one account (or, without an account, for the service
 * administrators). The secret itself is never stored: only its SHA-256 digest and a short prefix to recognise it.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_SECRET_HASH,
        query = "select t from ApiToken t left join fetch t.account where t.secretHash = :hash")
public class ApiToken {

    public static final String BY_SECRET_HASH = "ApiToken.bySecretHash";
    public static final int NAME_MAX_LENGTH = 80;
    public static final int MAX_VALID_DAYS = 730;
    /** Recording every use would turn each API read into a write; a minute's precision is enough to audit. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_id")
    @SequenceGenerator(name = "api_token_id", sequenceName = "api_token_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    private Account account;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "secret_hash", nullable = false, unique = true, updatable = false, length = 64)
    private String secretHash;

    @Column(name = "secret_prefix", nullable = false, updatable = false, length = 16)
    private String secretPrefix;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 254)
    private String revokedBy;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "read_only", nullable = false, updatable = false)
    private boolean readOnly;

    protected ApiToken() {
    }

    /**
     * @param validDays null for a token that does not expire, else 1 to {@value #MAX_VALID_DAYS}
     * @param readOnly  a token that may only read (GET), for reporting and monitoring
     * @throws InvalidValueException on {@code name} or {@code validDays}
     */
    public ApiToken(Account account, String name, TokenSecret secret, String createdBy, Instant createdAt,
                    Integer validDays, boolean readOnly) {
        this.account = account;
        this.name = validName(name);
        if (validDays != null && (validDays < 1 || validDays > MAX_VALID_DAYS)) {
            throw new InvalidValueException("validDays", "A token is valid for 1 to " + MAX_VALID_DAYS
                    + " days, or without an end; not " + validDays + ".");
        }
        this.expiresAt = validDays == null ? null : createdAt.plus(Duration.ofDays(validDays));
        this.readOnly = readOnly;
        this.secretHash = secret.hash();
        this.secretPrefix = secret.prefix();
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public void revoke(String by, Instant now) {
        if (isRevoked()) {
            throw new ConflictException("token", "Token \"" + name + "\" is already revoked.");
        }
        revokedAt = now;
        revokedBy = by;
    }

    /** @return whether the stored time moved (so the caller knows a write happens) */
    public boolean recordUse(Instant now) {
        if (lastUsedAt != null && now.isBefore(lastUsedAt.plus(LAST_USED_PRECISION))) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    public static String validName(String candidate) {
        String value = candidate == null ? "" : candidate.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("name", "Token name is required.");
        }
        if (value.length() > NAME_MAX_LENGTH) {
            throw new InvalidValueException("name",
                    "Token name is " + value.length() + " characters long; at most " + NAME_MAX_LENGTH + " are allowed.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "Token name must be a single line without control characters.");
        }
        return value;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public String getSecretPrefix() {
        return secretPrefix;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    /** Null for a token without an end. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isReadOnly() {
        return readOnly;
    }
}
