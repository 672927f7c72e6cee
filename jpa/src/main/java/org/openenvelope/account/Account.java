package org.openenvelope.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;

/** A customer organisation: its domains, administrators, tokens and federation settings hang off it. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_NUMBER, query = "select a from Account a where a.number = :number")
public class Account {

    public static final String BY_NUMBER = "Account.byNumber";
    public static final int NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_id")
    @SequenceGenerator(name = "account_id", sequenceName = "account_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_number", nullable = false, unique = true, updatable = false, length = 8)
    private String number;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "authentication_method", nullable = false, length = 16)
    private AuthenticationMethod authenticationMethod = AuthenticationMethod.PASSWORD;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Account() {
    }

    public Account(String number, String name, Instant createdAt) {
        this.number = AccountNumber.require("number", number);
        this.name = validName(name);
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    public void rename(String newName) {
        this.name = validName(newName);
    }

    public void suspend() {
        if (status == AccountStatus.SUSPENDED) {
            throw new ConflictException("status", "Account " + number + " is already suspended.");
        }
        status = AccountStatus.SUSPENDED;
    }

    public void reactivate() {
        if (status == AccountStatus.ACTIVE) {
            throw new ConflictException("status", "Account " + number + " is already active.");
        }
        status = AccountStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /** Users sign in through the account's identity provider from now on (after a passed Test SSO). */
    public void useSingleSignOn() {
        authenticationMethod = AuthenticationMethod.SAML;
    }

    public void usePassword() {
        authenticationMethod = AuthenticationMethod.PASSWORD;
    }

    public AuthenticationMethod getAuthenticationMethod() {
        return authenticationMethod;
    }

    /** Names are shown in lists and audit entries: one line, trimmed, not empty, bounded. */
    public static String validName(String candidate) {
        String value = candidate == null ? "" : candidate.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("name", "Account name is required.");
        }
        if (value.length() > NAME_MAX_LENGTH) {
            throw new InvalidValueException("name",
                    "Account name is " + value.length() + " characters long; at most " + NAME_MAX_LENGTH + " are allowed.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "Account name must be a single line without control characters.");
        }
        return value;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
