package org.openenvelope.administrator;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.saml.IdentityProviders;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CallerKind;
import org.openenvelope.security.PasswordHasher;
import org.openenvelope.security.SecretBox;

/**
 * Administrators' second factor: an authenticator app (TOTP) set up from a QR code and confirmed by its first
 * code, with recovery codes shown once; the accounts' policy that requires it; and the reset another administrator
 * of the account does for someone who lost their phone. Everything audited; no secret or code is ever logged.
 */
@Stateless
public class SecondFactorService {

    public static final String CODE_FIELD = "code";
    public static final String PASSWORD_FIELD = "password";
    public static final String IDENTITY_PROVIDER_SIGN_IN_FIELD = "identityProviderSignIn";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SecretBox secrets;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInPolicyOf policies;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    SecondFactorGuesses guesses;

    public SecondFactorStatus status() {
        Administrator self = self();
        return new SecondFactorStatus(self.hasSecondFactor(), self.getSecondFactorEnrolledAt(),
                self.getUnusedRecoveryCodes(), policies.secondFactorRequired(self));
    }

    /** A new secret for the app to scan; nothing is stored until {@link #confirmSetup} has a code made with it. */
    public AuthenticatorSetup beginSetup() {
        byte[] secret = AuthenticatorCodes.newSecret();
        return new AuthenticatorSetup(AuthenticatorCodes.typed(secret), AuthenticatorCodes.keyUri(secret, self().getEmail()));
    }

    /**
     * Sets up the app that shows codes made with {@code typedSecret}, replacing any app of before; replacing one
     * takes the password too, so that a session left open is not enough to bind another app.
     *
     * @return the new recovery codes, to be shown once
     * @throws InvalidValueException ({@value #CODE_FIELD}) when {@code code} is not the app's current code,
     *                               ({@value #PASSWORD_FIELD}) when an app is replaced without the right password
     */
    public List<String> confirmSetup(String typedSecret, String code, char[] password) {
        Administrator self = self();
        if (self.hasSecondFactor() && !hasher.verify(password, self.getPasswordHash())) {
            throw new InvalidValueException(PASSWORD_FIELD, "Enter your password to replace your authenticator app.");
        }
        byte[] secret = AuthenticatorCodes.fromTyped(typedSecret);
        if (secret.length != AuthenticatorCodes.SECRET_BYTES) {
            throw new InvalidValueException("secret", "The set-up has expired; start it again.");
        }
        long step = currentStep(secret, code);
        List<String> recoveryCodes = RecoveryCodes.generate();
        boolean replaced = self.hasSecondFactor();
        self.enrolSecondFactor(secrets.seal(secret, AuthenticatorSecrets.purpose(self.getId())), step,
                recoveryCodes.stream().map(RecoveryCodes::digest).toList(), clock.instant());
        audit.record(AuditAction.SECOND_FACTOR_ENROLLED, accountNumber(self), (replaced
                ? "Replaced own authenticator app" : "Set up an authenticator app") + " and "
                + RecoveryCodes.COUNT + " recovery codes");
        return recoveryCodes;
    }

    /**
     * New recovery codes in place of all the earlier ones, for a current code of the app; a few tries a minute, so
     * that an open session cannot guess its way to them.
     */
    public List<String> replaceRecoveryCodes(String code) {
        Administrator self = enrolledSelf();
        guesses.acquire(Long.toString(self.getId())).ifPresent(wait -> {
            throw new InvalidValueException(CODE_FIELD, "Too many codes tried; wait " + (wait.toSeconds() + 1)
                    + " seconds.");
        });
        acceptCode(self, code);
        List<String> recoveryCodes = RecoveryCodes.generate();
        self.replaceRecoveryCodes(recoveryCodes.stream().map(RecoveryCodes::digest).toList());
        audit.record(AuditAction.RECOVERY_CODES_REPLACED, accountNumber(self), "Replaced own recovery codes");
        return recoveryCodes;
    }

    /** Removes one's own second factor, proving the password; not while one's account or the service requires it. */
    public void removeOwn(char[] password) {
        Administrator self = enrolledSelf();
        if (!hasher.verify(password, self.getPasswordHash())) {
            throw new InvalidValueException(PASSWORD_FIELD, "The password is not correct.");
        }
        if (policies.secondFactorRequired(self)) {
            throw new ConflictException(PASSWORD_FIELD, "A second factor is required for your sign-in; set up another"
                    + " app instead of removing it (Set up again).");
        }
        self.removeSecondFactor();
        audit.record(AuditAction.SECOND_FACTOR_REMOVED, accountNumber(self), "Removed own authenticator app");
    }

    /**
     * Removes the second factor of another administrator of the account, who lost their phone and their recovery
     * codes; they set up a new one at their next sign-in if one is required.
     */
    public AdministratorView reset(String accountNumber, long administratorId) {
        Account account = access.account(accountNumber);
        Administrator administrator = em.find(Administrator.class, administratorId);
        if (administrator == null || administrator.getAccount() == null
                || !administrator.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Administrator " + administratorId + " was not found in account "
                    + account.getNumber() + ".");
        }
        if (!administrator.hasSecondFactor()) {
            throw new ConflictException("administrator", administrator.getEmail() + " has no second factor to reset.");
        }
        Caller caller = access.caller();
        if (caller.kind() == CallerKind.ADMINISTRATOR && caller.subjectId() == administratorId) {
            throw new ConflictException("administrator", "Another administrator resets your second factor; change"
                    + " your own on the Second factor page.");
        }
        administrator.removeSecondFactor();
        audit.record(AuditAction.SECOND_FACTOR_REMOVED, account.getNumber(), "Reset the second factor of "
                + administrator.getEmail());
        return AdministratorView.of(administrator);
    }

    public SignInPolicyView policy(String accountNumber) {
        Account account = access.account(accountNumber);
        return policies.stored(account).map(p -> new SignInPolicyView(p.isSecondFactorRequired(),
                        p.isIdentityProviderSignIn(), policies.requiredServiceWide(), p.getUpdatedAt(), p.getUpdatedBy()))
                .orElseGet(() -> new SignInPolicyView(false, false, policies.requiredServiceWide(), null, null));
    }

    /**
     * @throws InvalidValueException ({@value #IDENTITY_PROVIDER_SIGN_IN_FIELD}) when sign-in through the identity
     *                               provider is asked for while the account has none in force
     */
    public SignInPolicyView changePolicy(String accountNumber, boolean secondFactorRequired,
                                         boolean identityProviderSignIn) {
        Account account = access.account(accountNumber);
        if (identityProviderSignIn && policies.requiredServiceWide()) {
            throw new InvalidValueException(IDENTITY_PROVIDER_SIGN_IN_FIELD, "This service requires the authenticator"
                    + " code of every administrator, which sign-in through an identity provider would skip.");
        }
        if (identityProviderSignIn && identityProviders.allActive(account).isEmpty()) {
            throw new InvalidValueException(IDENTITY_PROVIDER_SIGN_IN_FIELD, "Account " + accountNumber
                    + " has no identity provider in force; enable one on the SSO tab first.");
        }
        AdministratorSignInPolicy stored = policies.stored(account).orElse(null);
        SignInPolicyView before = policy(accountNumber);
        if (stored == null) {
            stored = new AdministratorSignInPolicy(account);
            stored.change(secondFactorRequired, identityProviderSignIn, access.caller().getName(), clock.instant());
            em.persist(stored);
        } else {
            stored.change(secondFactorRequired, identityProviderSignIn, access.caller().getName(), clock.instant());
        }
        audit.record(AuditAction.ADMINISTRATOR_SIGN_IN_POLICY_CHANGED, accountNumber,
                "Administrators' sign-in: second factor " + required(before.secondFactorRequired()) + " → "
                        + required(secondFactorRequired) + ", through the identity provider "
                        + allowed(before.identityProviderSignIn()) + " → " + allowed(identityProviderSignIn));
        return policy(accountNumber);
    }

    /**
     * The step of the app's current code.
     *
     * @throws InvalidValueException ({@value #CODE_FIELD}) for anything else
     */
    private static long currentStep(byte[] secret, String code, Instant now) {
        OptionalLong step = AuthenticatorCodes.matchingStep(secret, code, now);
        if (step.isEmpty()) {
            throw new InvalidValueException(CODE_FIELD, "That is not the code your app shows now: enter the six"
                    + " digits it shows (they change every 30 seconds), and check that the phone's clock is right.");
        }
        return step.getAsLong();
    }

    private long currentStep(byte[] secret, String code) {
        return currentStep(secret, code, clock.instant());
    }

    private void acceptCode(Administrator self, String code) {
        byte[] secret = secrets.open(self.getSealedAuthenticatorSecret(), AuthenticatorSecrets.purpose(self.getId()));
        if (!self.acceptAuthenticatorStep(currentStep(secret, code))) {
            throw new InvalidValueException(CODE_FIELD, "That code was used already; wait for the next one.");
        }
    }

    private Administrator self() {
        Caller caller = access.caller();
        if (caller.kind() != CallerKind.ADMINISTRATOR) {
            throw new AccessDeniedException("Only a signed-in administrator has a second factor.");
        }
        return em.find(Administrator.class, caller.subjectId());
    }

    private Administrator enrolledSelf() {
        Administrator self = self();
        if (!self.hasSecondFactor()) {
            throw new ConflictException(CODE_FIELD, "You have no authenticator app set up.");
        }
        return self;
    }

    private static String accountNumber(Administrator administrator) {
        return administrator.getAccount() == null ? null : administrator.getAccount().getNumber();
    }

    private static String required(boolean required) {
        return required ? "required" : "optional";
    }

    private static String allowed(boolean allowed) {
        return allowed ? "allowed" : "not allowed";
    }
}
