package org.openenvelope.administrator;

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
import java.util.Objects;
import org.openenvelope.account.Account;
import org.openenvelope.security.AdministratorRole;

/**
 * A person who signs in to the admin portal with an email address and a password. A service administrator
 * belongs to no account; an account administrator to exactly one. Only the password's slow hash is stored.
 */
@Entity
@Table(name = "administrator")
@NamedQuery(name = Administrator.BY_EMAIL, query = "select a from Administrator a where a.email = :email")
@NamedQuery(name = Administrator.BY_ACCOUNT,
        query = "select a from Administrator a where a.account = :account order by a.email")
@NamedQuery(name = Administrator.COUNT_BY_ACCOUNT,
        query = "select count(a) from Administrator a where a.account = :account")
@NamedQuery(name = Administrator.COUNT_SERVICE,
        query = "select count(a) from Administrator a where a.role = org.openenvelope.security.AdministratorRole.SERVICE")
public class Administrator {

    public static final String BY_EMAIL = "Administrator.byEmail";
    public static final String BY_ACCOUNT = "Administrator.byAccount";
    public static final String COUNT_BY_ACCOUNT = "Administrator.countByAccount";
    public static final String COUNT_SERVICE = "Administrator.countService";
    public static final int DISPLAY_NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "administrator_id")
    @SequenceGenerator(name = "administrator_id", sequenceName = "administrator_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "email", nullable = false, unique = true, updatable = false, length = 254)
    private String email;

    @Column(name = "display_name", length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false, length = 16)
    private AdministratorRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    private Account account;

    @Embedded
    private PasswordCredential password;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Administrator() {
    }

    private Administrator(String email, String displayName, AdministratorRole role, Account account,
                          String passwordHash, boolean mustChangePassword, Instant now) {
        this.email = Objects.requireNonNull(email, "email");
        this.displayName = displayName;
        this.role = role;
        this.account = account;
        this.password = new PasswordCredential(passwordHash, mustChangePassword, now);
        this.createdAt = now;
    }

    public static Administrator forService(String email, String displayName, String passwordHash,
                                           boolean mustChangePassword, Instant now) {
        return new Administrator(email, displayName, AdministratorRole.SERVICE, null, passwordHash,
                mustChangePassword, now);
    }

    /** Account administrators receive a one-time password from whoever adds them and must replace it. */
    public static Administrator forAccount(Account account, String email, String displayName,
                                           String initialPasswordHash, Instant now) {
        return new Administrator(email, displayName, AdministratorRole.ACCOUNT,
                Objects.requireNonNull(account, "account"), initialPasswordHash, true, now);
    }

    public boolean isLockedAt(Instant now) {
        return password.isLockedAt(now);
    }

    /** Counts the failure and, past the free attempts, locks sign-in for a growing period. */
    public void recordFailedSignIn(Instant now) {
        password.recordFailure(now);
    }

    public void recordSuccessfulSignIn(Instant now) {
        password.recordSuccess();
        lastSignInAt = now;
    }

    public void changePassword(String newPasswordHash, Instant now) {
        password.set(newPasswordHash, false, now);
    }

    public boolean isServiceAdministrator() {
        return role == AdministratorRole.SERVICE;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public AdministratorRole getRole() {
        return role;
    }

    public Account getAccount() {
        return account;
    }

    public String getPasswordHash() {
        return password.getPasswordHash();
    }

    public boolean isMustChangePassword() {
        return password.isMustChangePassword();
    }

    public int getFailedSignIns() {
        return password.getFailedSignIns();
    }

    public Instant getLockedUntil() {
        return password.getLockedUntil();
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
