package org.openenvelope.websafe;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.administrator.PasswordCredential;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.security.PasswordHasher;
import org.openenvelope.security.PasswordPolicy;
import org.openenvelope.user.AccountUser;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.operations.ServiceMetrics.Outcome;
import org.openenvelope.user.AccountUsers;

/**
 * Email-first sign-in to the user portal: the address finds the account through its Profiles (the address itself,
 * else its domain), and the account's authentication method decides between a password and the identity provider
 * that serves the address.
 * Answers never tell whether an account or a user exists: one message for every address nobody here signs in, one
 * for every wrong address/password pair (with the same slow hash either way).
 */
@Stateless
public class UserSignIn {

    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    public static final String NEW_PASSWORD = "newPassword";
    static final String NOT_SERVED = "This address cannot sign in here. Check it for typing mistakes, or ask the"
            + " organisation that sent you the secure message.";
    static final String WRONG_PASSWORD = "The email address or the password is not right.";
    private static final Logger LOG = ServiceLog.logger(UserSignIn.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountUsers users;

    @Inject
    ProfileOwners profileOwners;

    @Inject
    WebsafeSessions sessions;

    @Inject
    FederatedSignInRoutes routes;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    ServiceMetrics metrics;

    @Inject
    Clock clock;

    /** @throws InvalidValueException on {@link #EMAIL} when the text is not an email address */
    public LoginRoute route(String email) {
        EmailAddress address = parse(email);
        Optional<Account> account = accountOf(address);
        if (account.isEmpty() || !account.get().isActive()) {
            LOG.fine(() -> "No active account signs in " + address.domain().ascii());
            return new LoginRoute.Unavailable(NOT_SERVED);
        }
        // An account switches to SAML only when Enable puts a tested identity provider in force.
        if (account.get().getAuthenticationMethod() == AuthenticationMethod.SAML) {
            return routes.identityProviderFor(account.get(), address.value())
                    .<LoginRoute>map(name -> new LoginRoute.SingleSignOn(account.get().getNumber(), name))
                    .orElseGet(() -> new LoginRoute.Unavailable(NOT_SERVED));
        }
        return new LoginRoute.Password(address.value());
    }

    /**
     * Signs a user of a Password account in. A one-time password set by an administrator must be replaced: without
     * {@code newPassword} the answer is {@link PasswordSignInOutcome.MustChangePassword}; with it, the new password
     * is checked by the policy, saved, and the session starts.
     */
    public PasswordSignInOutcome signIn(String email, char[] password, char[] newPassword) {
        return signIn(email, password, newPassword, new PasswordSession() {
            @Override
            public String start(AccountUser user) {
                return sessions.startWithPassword(user);
            }

            @Override
            public String description() {
                return "the user portal";
            }
        });
    }

    /**
     * The same checks, for a session elsewhere (the Outlook add-in): {@code session} starts it once the password is
     * right and, if it was a one-time password, replaced.
     */
    public PasswordSignInOutcome signIn(String email, char[] password, char[] newPassword, PasswordSession session) {
        PasswordSignInOutcome outcome = checked(email, password, newPassword, session);
        if (outcome instanceof PasswordSignInOutcome.SignedIn) {
            metrics.signIn(session.method(), Outcome.SUCCEEDED, null);
        } else if (outcome instanceof PasswordSignInOutcome.MustChangePassword) {
            metrics.signIn(session.method(), Outcome.INCOMPLETE, "password_change_required");
        } else {
            metrics.signIn(session.method(), Outcome.REFUSED, NEW_PASSWORD.equals(((PasswordSignInOutcome.Refused) outcome)
                    .field()) ? "new_password_refused" : "wrong_credentials");
        }
        return outcome;
    }

    private static PasswordSignInOutcome lockedOut(PasswordCredential credential) {
        return new PasswordSignInOutcome.Refused(PASSWORD, "Too many failed attempts. Try again after "
                + TIME.format(credential.getLockedUntil()) + ".");
    }

    private PasswordSignInOutcome checked(String email, char[] password, char[] newPassword, PasswordSession session) {
        EmailAddress address = parse(email);
        Optional<AccountUser> found = accountOf(address).filter(Account::isActive)
                .filter(a -> a.getAuthenticationMethod() == AuthenticationMethod.PASSWORD)
                .flatMap(account -> user(account, email.strip(), address.value()));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().password().isSet()) {
            hasher.burnDecoyVerification(password);
            return new PasswordSignInOutcome.Refused(PASSWORD, WRONG_PASSWORD);
        }
        AccountUser user = found.get();
        PasswordCredential credential = user.password();
        String accountNumber = user.getAccount().getNumber();
        if (credential.isLockedAt(now)) {
            hasher.burnDecoyVerification(password);
            return lockedOut(credential);
        }
        boolean verified = hasher.verify(password, credential.getPasswordHash());
        // under a write lock from here, as AdministratorService does: concurrent attempts each counted
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        credential = user.password();
        if (credential.isLockedAt(now)) {
            return lockedOut(credential); // by a failure of another attempt meanwhile
        }
        if (!verified) {
            credential.recordFailure(now);
            audit.recordAs(user.getFederationId(), AuditAction.USER_PASSWORD_SIGN_IN_FAILED, accountNumber,
                    "Wrong password (" + credential.getFailedSignIns() + " in a row"
                            + (credential.getLockedUntil() == null ? ")" : "; locked until " + credential.getLockedUntil() + ")"));
            return new PasswordSignInOutcome.Refused(PASSWORD, WRONG_PASSWORD);
        }
        if (credential.isMustChangePassword()) {
            if (newPassword == null || newPassword.length == 0) {
                return new PasswordSignInOutcome.MustChangePassword();
            }
            try {
                PasswordPolicy.check(NEW_PASSWORD, newPassword, user.getFederationId());
            } catch (InvalidValueException e) {
                return new PasswordSignInOutcome.Refused(NEW_PASSWORD, e.getMessage());
            }
            if (java.util.Arrays.equals(password, newPassword)) {
                return new PasswordSignInOutcome.Refused(NEW_PASSWORD, "Choose a password other than the one-time password.");
            }
            credential.set(hasher.hash(newPassword), false, now);
            audit.recordAs(user.getFederationId(), AuditAction.USER_PASSWORD_CHANGED, accountNumber,
                    "Replaced the one-time password");
        }
        user.signedIn(now);
        String sessionKey = session.start(user);
        audit.recordAs(user.getFederationId(), AuditAction.USER_PASSWORD_SIGN_IN_SUCCEEDED, accountNumber,
                "Signed in to " + session.description() + " with a password");
        return new PasswordSignInOutcome.SignedIn(sessionKey, accountNumber, user.getFederationId());
    }

    private static EmailAddress parse(String email) {
        return parse(EMAIL, email);
    }

    /** @throws InvalidValueException on {@code field} when the text is not an email address */
    public static EmailAddress parse(String field, String email) {
        try {
            return EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "The email address " + e.getMessage() + ".");
        }
    }

    /** The account whose Profiles list the address itself, else its domain; the values are unique across accounts. */
    public Optional<Account> accountOf(EmailAddress address) {
        return profileOwners.accountOf(address);
    }

    /** The user as typed, else the only user whose ID is this address in another case. */
    private Optional<AccountUser> user(Account account, String typed, String lowerCase) {
        Optional<AccountUser> exact = users.byFederationId(account, typed);
        if (exact.isPresent()) {
            return exact;
        }
        List<AccountUser> others = users.byAddressIgnoringCase(account, lowerCase);
        return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }
}
