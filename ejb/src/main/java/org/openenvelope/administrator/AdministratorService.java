package org.openenvelope.administrator;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CallerKind;
import org.openenvelope.security.PasswordHasher;
import org.openenvelope.security.PasswordPolicy;
import org.openenvelope.security.SecretBox;
import jakarta.persistence.TypedQuery;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/** Administrators: the Groups tab of an account, password sign-in and password changes. */
@Stateless
public class AdministratorService {

    public static final String EMAIL_FIELD = "email";
    public static final String DISPLAY_NAME_FIELD = "displayName";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    UnknownAddressPauses unknownPauses;

    @Inject
    SecretBox secrets;

    @Inject
    SignInPolicyOf policies;

    /**
     * One page of the account's administrators by email, those whose email or name contains {@code search} (any
     * case) when it is given.
     */
    public Page<AdministratorView> findAdministrators(String accountNumber, String search, int page, int size) {
        Account account = access.account(accountNumber);
        SearchTerm term = SearchTerm.of(search);
        String where = " where a.account = :account" + (term.isEmpty() ? ""
                : " and (lower(a.email) like :pattern" + SearchTerm.ESCAPE + " or lower(a.displayName) like :pattern"
                + SearchTerm.ESCAPE + ")");
        TypedQuery<Administrator> items = em.createQuery("select a from Administrator a" + where + " order by a.email",
                Administrator.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from Administrator a" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[] {items, count}) {
            query.setParameter("account", account);
            if (!term.isEmpty()) {
                query.setParameter("pattern", term.contains());
            }
        }
        return Paging.of(page, size).page(items, count).map(AdministratorView::of);
    }

    public List<AdministratorView> listAdministrators(String accountNumber) {
        Account account = access.account(accountNumber);
        return em.createNamedQuery(Administrator.BY_ACCOUNT, Administrator.class)
                .setParameter("account", account)
                .getResultStream().map(AdministratorView::of).toList();
    }

    /**
     * Adds an account administrator identified by email and returns a one-time password for them. Email
     * addresses are unique across the service, because the email is the sign-in name.
     */
    public AddedAdministrator addAdministrator(String accountNumber, String email, String displayName) {
        Account account = access.account(accountNumber);
        String address = validEmail(email);
        if (findByEmail(address).isPresent()) {
            throw new ConflictException(EMAIL_FIELD, address + " already has an administrator sign-in;"
                    + " each email address can administer one account.");
        }
        String initialPassword = hasher.generate();
        Administrator administrator = Administrator.forAccount(account, address, validDisplayName(displayName),
                hasher.hash(initialPassword.toCharArray()), Instant.now(clock));
        em.persist(administrator);
        audit.record(AuditAction.ADMINISTRATOR_ADDED, account.getNumber(), "Added administrator " + address);
        return new AddedAdministrator(AdministratorView.of(administrator), initialPassword);
    }

    /** Removes an account administrator; the account's last administrator cannot be removed. */
    public void removeAdministrator(String accountNumber, long administratorId) {
        Account account = access.account(accountNumber);
        Administrator administrator = em.find(Administrator.class, administratorId);
        if (administrator == null || administrator.getAccount() == null
                || !administrator.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Administrator " + administratorId + " was not found in account "
                    + account.getNumber() + ".");
        }
        long remaining = em.createNamedQuery(Administrator.COUNT_BY_ACCOUNT, Long.class)
                .setParameter("account", account).getSingleResult();
        if (remaining <= 1) {
            throw new ConflictException("administrator", administrator.getEmail()
                    + " is the last administrator of account " + account.getNumber()
                    + " and cannot be removed; add another administrator first.");
        }
        em.remove(administrator);
        audit.record(AuditAction.ADMINISTRATOR_REMOVED, account.getNumber(),
                "Removed administrator " + administrator.getEmail());
    }

    /**
     * Checks an email and password. Failures are counted per address and pause its sign-in for a growing period
     * (see {@link SignInBackoff}), except from a browser the administrator signed in from before
     * ({@code knownDevice}, see {@link KnownDevices}): strangers' guesses cannot keep the administrator out.
     *
     * <p>Security: an unknown email costs the same password hashing as a wrong password, yields the same
     * {@link SignInOutcome.Refused} and is paused after as many failures ({@link UnknownAddressPauses}), so sign-in
     * reveals neither which addresses exist nor timing differences.
     */
    public SignInOutcome signIn(String email, char[] password, boolean knownDevice) {
        Instant now = Instant.now(clock);
        String address = normalisedOrNull(email);
        Optional<Administrator> found = address == null ? Optional.empty() : findByEmail(address);
        if (found.isEmpty()) {
            String key = address == null ? printable(email) : address;
            Optional<Instant> paused = unknownPauses.pausedUntil(key, now);
            if (paused.isPresent()) {
                audit.recordAs(printable(email), AuditAction.SIGN_IN_LOCKED, null, "Unknown email address, paused");
                return new SignInOutcome.Locked(paused.get());
            }
            hasher.burnDecoyVerification(password);
            audit.recordAs(printable(email), AuditAction.SIGN_IN_FAILED, null, "Unknown email address");
            return unknownPauses.failed(key, now).<SignInOutcome>map(SignInOutcome.Locked::new)
                    .orElseGet(SignInOutcome.Refused::new);
        }
        Administrator administrator = found.get();
        String accountNumber = administrator.getAccount() == null ? null : administrator.getAccount().getNumber();
        if (administrator.isLockedAt(now) && !knownDevice) {
            return lockedOut(administrator, accountNumber);
        }
        boolean verified = hasher.verify(password, administrator.getPasswordHash());
        lockRow(administrator);
        if (administrator.isLockedAt(now) && !knownDevice) {
            return lockedOut(administrator, accountNumber); // by a failure of another attempt meanwhile
        }
        if (!verified) {
            administrator.recordFailedSignIn(now);
            boolean locked = administrator.isLockedAt(now) && !knownDevice;
            audit.recordAs(administrator.getEmail(), locked ? AuditAction.SIGN_IN_LOCKED : AuditAction.SIGN_IN_FAILED,
                    accountNumber, (locked
                            ? "Wrong password; sign-in locked until " + administrator.getLockedUntil()
                            : "Wrong password (" + administrator.getFailedSignIns() + " in a row)")
                            + (knownDevice ? ", from a browser it signed in from before" : ""));
            return locked ? new SignInOutcome.Locked(administrator.getLockedUntil()) : new SignInOutcome.Refused();
        }
        if (administrator.getAccount() != null && !administrator.getAccount().isActive()) {
            audit.recordAs(administrator.getEmail(), AuditAction.SIGN_IN_FAILED, accountNumber, "Account suspended");
            return new SignInOutcome.AccountSuspended();
        }
        if (administrator.hasSecondFactor()) {
            return new SignInOutcome.SecondFactorNeeded(administrator.getId());
        }
        return signedIn(administrator, now, knownDevice
                ? "Signed in from a browser it signed in from before" : "Signed in");
    }

    /**
     * Completes a password sign-in with the administrator's authenticator code or one of their recovery codes.
     * A wrong code counts as a wrong password (the same pause follows), and a code is accepted only once.
     */
    public SignInOutcome completeSecondFactor(long administratorId, String code, boolean knownDevice) {
        Instant now = Instant.now(clock);
        Administrator administrator = em.find(Administrator.class, administratorId);
        if (administrator == null || !administrator.hasSecondFactor()) {
            return new SignInOutcome.Refused();
        }
        lockRow(administrator);
        String accountNumber = administrator.getAccount() == null ? null : administrator.getAccount().getNumber();
        if (administrator.isLockedAt(now) && !knownDevice) {
            audit.recordAs(administrator.getEmail(), AuditAction.SIGN_IN_LOCKED, accountNumber,
                    "Second factor while locked until " + administrator.getLockedUntil());
            return new SignInOutcome.Locked(administrator.getLockedUntil());
        }
        if (administrator.getAccount() != null && !administrator.getAccount().isActive()) {
            return new SignInOutcome.AccountSuspended();
        }
        boolean recoveryCode = RecoveryCodes.looksLikeOne(code);
        boolean accepted = recoveryCode ? administrator.useRecoveryCode(RecoveryCodes.digest(code), now)
                : AuthenticatorCodes.matchingStep(secrets.open(administrator.getSealedAuthenticatorSecret(),
                        AuthenticatorSecrets.purpose(administratorId)), code, now).stream()
                .anyMatch(administrator::acceptAuthenticatorStep);
        String what = recoveryCode ? "recovery code" : "authenticator code";
        if (!accepted) {
            administrator.recordFailedSignIn(now);
            boolean locked = administrator.isLockedAt(now) && !knownDevice;
            audit.recordAs(administrator.getEmail(), locked ? AuditAction.SIGN_IN_LOCKED : AuditAction.SIGN_IN_FAILED,
                    accountNumber, "Wrong or used " + what + (locked ? "; sign-in locked until "
                            + administrator.getLockedUntil() : " (" + administrator.getFailedSignIns() + " in a row)"));
            return locked ? new SignInOutcome.Locked(administrator.getLockedUntil()) : new SignInOutcome.Refused();
        }
        return signedIn(administrator, now, "Signed in with password and " + what + (recoveryCode
                ? " (" + administrator.getUnusedRecoveryCodes() + " unused left)" : ""));
    }

    /** Recorded so that a guessing attack stays visible in the audit log while the lock holds. */
    private SignInOutcome lockedOut(Administrator administrator, String accountNumber) {
        audit.recordAs(administrator.getEmail(), AuditAction.SIGN_IN_LOCKED, accountNumber,
                "Sign-in attempt while locked until " + administrator.getLockedUntil());
        return new SignInOutcome.Locked(administrator.getLockedUntil());
    }

    /**
     * Reads the administrator's row again under a write lock, once the slow password check is done: concurrent
     * sign-ins of one administrator then take turns on it, so every failure is counted (none lost to a commit that
     * fails, which would let guesses sent at once go uncounted), a code is accepted once, and nobody's sign-in
     * fails because another browser signed in at the same moment.
     */
    private void lockRow(Administrator administrator) {
        em.refresh(administrator, LockModeType.PESSIMISTIC_WRITE);
    }

    private SignInOutcome signedIn(Administrator administrator, Instant now, String detail) {
        administrator.recordSuccessfulSignIn(now);
        audit.recordAs(administrator.getEmail(), AuditAction.SIGN_IN_SUCCEEDED,
                administrator.getAccount() == null ? null : administrator.getAccount().getNumber(), detail);
        return new SignInOutcome.SignedIn(callerOf(administrator), administrator.isMustChangePassword(),
                !administrator.hasSecondFactor() && policies.secondFactorRequired(administrator));
    }

    /**
     * The administrator of {@code account} with this address, signing in through the account's identity provider,
     * which vouched for the address ({@code how} says which provider and assertion, for the audit log). No password
     * pause applies: the identity provider decided with its own factors. Empty when the account has no such
     * administrator.
     */
    public Optional<Long> signInThroughIdentityProvider(Account account, String email, String how) {
        Optional<Administrator> found = Optional.ofNullable(normalisedOrNull(email)).flatMap(this::findByEmail)
                .filter(a -> a.getAccount() != null && a.getAccount().getId().equals(account.getId()));
        if (found.isEmpty()) {
            audit.recordAs(printable(email), AuditAction.SIGN_IN_FAILED, account.getNumber(),
                    "No administrator of the account; " + how);
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        found.get().recordSuccessfulSignIn(now);
        audit.recordAs(found.get().getEmail(), AuditAction.SIGN_IN_SUCCEEDED, account.getNumber(), "Signed in " + how);
        return Optional.of(found.get().getId());
    }

    /**
     * The caller for a signed-in session, re-read on every request so that removing an administrator or
     * suspending their account takes effect at once rather than when the session expires.
     */
    public Optional<Caller> activeCaller(long administratorId) {
        Administrator administrator = em.find(Administrator.class, administratorId);
        if (administrator == null || (administrator.getAccount() != null && !administrator.getAccount().isActive())) {
            return Optional.empty();
        }
        return Optional.of(callerOf(administrator));
    }

    public boolean mustChangePassword(long administratorId) {
        Administrator administrator = em.find(Administrator.class, administratorId);
        return administrator != null && administrator.isMustChangePassword();
    }

    /** The signed-in administrator replaces their password, proving they know the current one. */
    public void changeOwnPassword(char[] currentPassword, char[] newPassword) {
        Caller caller = access.caller();
        if (caller.kind() != CallerKind.ADMINISTRATOR) {
            throw new AccessDeniedException("Only a signed-in administrator can change a password.");
        }
        Administrator administrator = em.find(Administrator.class, caller.subjectId());
        if (!hasher.verify(currentPassword, administrator.getPasswordHash())) {
            throw new InvalidValueException("currentPassword", "The current password is not correct.");
        }
        PasswordPolicy.check("newPassword", newPassword, administrator.getEmail());
        if (hasher.verify(newPassword, administrator.getPasswordHash())) {
            throw new InvalidValueException("newPassword", "The new password must differ from the current one.");
        }
        administrator.changePassword(hasher.hash(newPassword), Instant.now(clock));
        audit.record(AuditAction.PASSWORD_CHANGED, caller.accountNumber(), "Changed own password");
    }

    /**
     * Creates the first service administrator when there is none, so a fresh installation can be signed in to.
     *
     * @param password the configured initial password, or empty to generate one
     * @return the generated password when one was generated (to be shown once in the log)
     */
    public Optional<String> ensureServiceAdministrator(String email, Optional<String> password) {
        long existing = em.createNamedQuery(Administrator.COUNT_SERVICE, Long.class).getSingleResult();
        if (existing > 0) {
            return Optional.empty();
        }
        String address = validEmail(email);
        boolean generated = password.isEmpty();
        String initial = password.orElseGet(hasher::generate);
        PasswordPolicy.check("openenvelope.admin.password", initial.toCharArray(), address);
        em.persist(Administrator.forService(address, "Service administrator", hasher.hash(initial.toCharArray()),
                generated, Instant.now(clock)));
        audit.recordAs("system", AuditAction.SERVICE_ADMINISTRATOR_CREATED, null,
                "Created initial service administrator " + address);
        return generated ? Optional.of(initial) : Optional.empty();
    }

    private static Caller callerOf(Administrator administrator) {
        Account account = administrator.getAccount();
        return new Caller(CallerKind.ADMINISTRATOR, administrator.getId(), administrator.getEmail(),
                administrator.getRole(), account == null ? null : account.getId(),
                account == null ? null : account.getNumber());
    }

    private Optional<Administrator> findByEmail(String address) {
        return em.createNamedQuery(Administrator.BY_EMAIL, Administrator.class)
                .setParameter("email", address).getResultStream().findFirst();
    }

    private static String validEmail(String email) {
        try {
            return EmailAddress.parse(email).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(EMAIL_FIELD, "Email address \"" + printable(email) + "\" "
                    + e.getMessage() + ".");
        }
    }

    private static String normalisedOrNull(String email) {
        try {
            return EmailAddress.parse(email).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String validDisplayName(String displayName) {
        String value = displayName == null ? "" : displayName.strip();
        if (value.length() > Administrator.DISPLAY_NAME_MAX_LENGTH) {
            throw new InvalidValueException(DISPLAY_NAME_FIELD, "Name is longer than "
                    + Administrator.DISPLAY_NAME_MAX_LENGTH + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(DISPLAY_NAME_FIELD, "Name must be a single line.");
        }
        return value.isEmpty() ? null : value;
    }

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String line = value.strip().replaceAll("\\p{Cntrl}", "?");
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
