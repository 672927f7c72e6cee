package org.openenvelope.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.openenvelope.account.Account;
import org.openenvelope.administrator.PasswordCredential;
import org.openenvelope.error.InvalidValueException;

/**
 * A person who signs in to the user portal of an account (senders and recipients of envelopes), identified by
 * their federation ID. The federation ID is compared case-sensitively, exactly as the IdP sends it: "Alice@x"
 * and "alice@x" are two users, as in the source product.
 */
@Entity
@Table(name = "account_user")
@NamedQuery(name = AccountUser.RECORD_SIGN_IN, query = "update AccountUser u set u.lastSignInAt = :now"
        + " where u.id = :id and (u.lastSignInAt is null or u.lastSignInAt < :stale)")
@NamedQuery(name = AccountUser.BY_FEDERATION_ID,
        query = "select u from AccountUser u where u.account = :account and u.federationId = :federationId")
@NamedQuery(name = AccountUser.BY_ADDRESS_IGNORING_CASE,
        query = "select u from AccountUser u where u.account = :account and lower(u.federationId) = :address")
public class AccountUser {

    public static final String RECORD_SIGN_IN = "AccountUser.recordSignIn";
    public static final String BY_FEDERATION_ID = "AccountUser.byFederationId";
    public static final String BY_ADDRESS_IGNORING_CASE = "AccountUser.byAddressIgnoringCase";
    public static final int FEDERATION_ID_MAX = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_user_id")
    @SequenceGenerator(name = "account_user_id", sequenceName = "account_user_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "federation_id", nullable = false, updatable = false, length = FEDERATION_ID_MAX)
    private String federationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, updatable = false, length = 16)
    private UserOrigin origin;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** Used only while the account signs in with passwords; SSO users never have one. */
    @Embedded
    private PasswordCredential password = PasswordCredential.none();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccountUser() {
    }

    public AccountUser(Account account, String federationId, UserOrigin origin, String createdBy, Instant now) {
        this.account = account;
        this.federationId = validFederationId(federationId);
        this.origin = origin;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Trimmed of surrounding spaces but otherwise kept exactly, case included. */
    public static String validFederationId(String candidate) {
        String value = candidate == null ? "" : candidate.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("federationId", "The federation ID (user name or email) is required.");
        }
        if (value.length() > FEDERATION_ID_MAX) {
            throw new InvalidValueException("federationId", "The federation ID is " + value.length()
                    + " characters long; at most " + FEDERATION_ID_MAX + " are allowed.");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidValueException("federationId", "The federation ID must not contain spaces or control characters.");
        }
        return value;
    }

    public void signedIn(Instant now) {
        lastSignInAt = now;
        password.recordSuccess();
    }

    /** The user's password credential; empty (not set) until an administrator sets a one-time password. */
    public PasswordCredential password() {
        if (password == null) {
            password = PasswordCredential.none();
        }
        return password;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getFederationId() {
        return federationId;
    }

    public UserOrigin getOrigin() {
        return origin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }
}
