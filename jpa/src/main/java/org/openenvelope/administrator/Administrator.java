package org.openenvelope.administrator;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
@NamedQuery(name = Administrator.WITH_SECOND_FACTOR,
        query = "select a from Administrator a where a.secondFactor.sealedSecret is not null")
@NamedQuery(name = Administrator.COUNT_SERVICE,
        query = "select count(a) from Administrator a where a.role = org.openenvelope.security.AdministratorRole.SERVICE")
public class Administrator {

    public static final String BY_EMAIL = "Administrator.byEmail";
    public static final String BY_ACCOUNT = "Administrator.byAccount";
    public static final String COUNT_BY_ACCOUNT = "Administrator.countByAccount";
    public static final String COUNT_SERVICE = "Administrator.countService";
    public static final String WITH_SECOND_FACTOR = "Administrator.withSecondFactor";
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

    /** Null when no authenticator app is set up (all its columns are null). */
    @Embedded
    private SecondFactor secondFactor;

    @ElementCollection
    @CollectionTable(name = "administrator_recovery_code", joinColumns = @JoinColumn(name = "administrator_id"))
    @OrderColumn(name = "position")
    private List<RecoveryCode> recoveryCodes = new ArrayList<>();

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

    /**
     * Sets up an authenticator app whose first code (of {@code confirmedStep}) was just shown to be right, with
     * fresh recovery codes; replaces any app and codes of before.
     */
    public void enrolSecondFactor(String sealedSecret, long confirmedStep, List<String> recoveryCodeDigests,
                                  Instant now) {
        secondFactor = new SecondFactor(sealedSecret, confirmedStep, now);
        replaceRecoveryCodes(recoveryCodeDigests);
    }

    /** Recovery codes replace all earlier ones, used or not. */
    public void replaceRecoveryCodes(List<String> digests) {
        if (!hasSecondFactor()) {
            throw new IllegalStateException("Recovery codes belong to an authenticator app; none is set up.");
        }
        recoveryCodes.clear();
        digests.stream().map(RecoveryCode::new).forEach(recoveryCodes::add);
    }

    /** Takes the code of {@code step} unless that step or a later one was accepted before. */
    public boolean acceptAuthenticatorStep(long step) {
        return hasSecondFactor() && secondFactor.accept(step);
    }

    /** Uses up the unused recovery code with this digest, if there is one. */
    public boolean useRecoveryCode(String digest, Instant now) {
        // every code compared, so the time taken tells nothing about which one matched
        RecoveryCode matching = null;
        for (RecoveryCode code : recoveryCodes) {
            if (code.matches(digest) && !code.isUsed()) {
                matching = code;
            }
        }
        if (!hasSecondFactor() || matching == null) {
            return false;
        }
        matching.use(now);
        return true;
    }

    public void removeSecondFactor() {
        secondFactor = null;
        recoveryCodes.clear();
    }

    public boolean hasSecondFactor() {
        return secondFactor != null && secondFactor.isSet();
    }

    public String getSealedAuthenticatorSecret() {
        return hasSecondFactor() ? secondFactor.sealedSecret() : null;
    }

    /** After a master key rotation: the same secret sealed under the new key. */
    public void resealAuthenticatorSecret(String resealed) {
        secondFactor.reseal(resealed);
    }

    public Instant getSecondFactorEnrolledAt() {
        return hasSecondFactor() ? secondFactor.enrolledAt() : null;
    }

    public int getUnusedRecoveryCodes() {
        return (int) recoveryCodes.stream().filter(code -> !code.isUsed()).count();
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
