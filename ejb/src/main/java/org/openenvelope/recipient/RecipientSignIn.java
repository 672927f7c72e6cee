package org.openenvelope.recipient;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.operations.ServiceMetrics.Outcome;
import org.openenvelope.operations.ServiceMetrics.SignInMethod;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.administrator.PasswordCredential;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.EnvelopeOpening;
import org.openenvelope.envelope.EnvelopeRefusal;
import org.openenvelope.envelope.EnvelopeRefusedException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.saml.IdentityProviders;
import org.openenvelope.security.PasswordHasher;
import org.openenvelope.security.PasswordPolicy;
import org.openenvelope.security.SessionKeys;

/**
 * How envelope recipients prove their address: a one-time code by mail, a password registered through a mailed
 * link, or the IdP of the organisation that owns the address (see {@code SignInService}). Requests for codes and links are answered before anything is looked up ({@link RecipientMailer} works
 * afterwards), and every refusal reads the same, so nobody learns which addresses are recipients or registered.
 */
@Stateless
public class RecipientSignIn {

    public static final String ADDRESS = "address";
    public static final String PASSWORD = "password";
    public static final String TOKEN = "token";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    RecipientMailer mailer;

    @Inject
    RecipientSessions sessions;

    @Inject
    RegisteredRecipients registered;

    @Inject
    PasswordHasher hasher;

    @Inject
    ProfileOwners profileOwners;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    SecurityOf security;

    @Inject
    AuditLog audit;

    @Inject
    ServiceMetrics metrics;

    @Inject
    Clock clock;

    /** The address in the form envelopes keep it. @throws InvalidValueException on {@code field} when it is none */
    public static String address(String field, String typed) {
        try {
            return Envelope.normalized(EmailAddress.parse(typed).value());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "The email address " + e.getMessage() + ".");
        }
    }

    public void requestCode(String address, String envelopeId, String baseUrl) {
        mailer.sendCode(address(ADDRESS, address), envelopeId, baseUrl);
    }

    public void requestRegistration(String address, String envelopeId, String baseUrl) {
        mailer.sendRegistration(address(ADDRESS, address), envelopeId, baseUrl);
    }

    public void requestPasswordReset(String address, String envelopeId, String baseUrl) {
        mailer.sendPasswordReset(address(ADDRESS, address), envelopeId, baseUrl);
    }

    /** Signs in with a mailed code, which is then used up; a wrong guess counts against every open code. */
    public Optional<StartedSession> signInWithCode(String typedAddress, String typedCode) {
        String address = address(ADDRESS, typedAddress);
        Instant now = clock.instant();
        byte[] presented = RecipientSecrets.codeDigest(address, RecipientSecrets.typedCode(typedCode))
                .getBytes(StandardCharsets.US_ASCII);
        List<RecipientChallenge> open = em.createNamedQuery(RecipientChallenge.OPEN_FOR, RecipientChallenge.class)
                .setParameter("address", address).setParameter("purpose", ChallengePurpose.SIGN_IN_CODE)
                .setParameter("now", now).getResultList().stream().filter(c -> c.isUsableAt(now)).toList();
        for (RecipientChallenge challenge : open) {
            if (MessageDigest.isEqual(presented, challenge.getSecretDigest().getBytes(StandardCharsets.US_ASCII))) {
                challenge.consume(now);
                metrics.signIn(SignInMethod.RECIPIENT_CODE, Outcome.SUCCEEDED, null);
                return Optional.of(signedIn(address, RecipientSession.Method.CODE));
            }
        }
        open.forEach(RecipientChallenge::recordFailedAttempt);
        metrics.signIn(SignInMethod.RECIPIENT_CODE, Outcome.REFUSED, open.isEmpty() ? "no_code_outstanding" : "wrong_code");
        audit.recordAs(address, AuditAction.RECIPIENT_SIGN_IN_FAILED, null, open.isEmpty()
                ? "One-time code given with no code outstanding" : "Wrong one-time code");
        return Optional.empty();
    }

    /**
     * Signs in with a registered password; unknown addresses cost the same hashing time as wrong passwords. Wrong
     * passwords pause sign-in as the Security of the account whose envelope is being opened says.
     *
     * @param envelopeId the envelope the viewer is opening; null for the service's defaults
     */
    public Optional<StartedSession> signInWithPassword(String typedAddress, char[] password, String envelopeId) {
        String address = address(ADDRESS, typedAddress);
        Instant now = clock.instant();
        Optional<RegisteredRecipient> recipient = registered.byAddress(address);
        if (recipient.isEmpty()) {
            hasher.burnDecoyVerification(password);
            metrics.signIn(SignInMethod.RECIPIENT_PASSWORD, Outcome.REFUSED, "wrong_credentials");
            return Optional.empty();
        }
        PasswordCredential credential = recipient.get().password();
        if (credential.isLockedAt(now)) {
            hasher.burnDecoyVerification(password);
            return lockedOut(address, credential);
        }
        boolean verified = hasher.verify(password, credential.getPasswordHash());
        // under a write lock from here, as AdministratorService does: concurrent attempts each counted
        em.refresh(recipient.get(), LockModeType.PESSIMISTIC_WRITE);
        credential = recipient.get().password();
        if (credential.isLockedAt(now)) {
            return lockedOut(address, credential); // by a failure of another attempt meanwhile
        }
        if (!verified) {
            credential.recordFailure(now, (envelopeId == null ? security.defaults() : security.envelope(envelopeId))::lockAfter);
            audit.recordAs(address, AuditAction.RECIPIENT_SIGN_IN_FAILED, null, "Wrong password ("
                    + credential.getFailedSignIns() + " in a row" + (credential.getLockedUntil() == null ? ")"
                    : "; locked until " + credential.getLockedUntil() + ")"));
            metrics.signIn(SignInMethod.RECIPIENT_PASSWORD, Outcome.REFUSED, "wrong_credentials");
            return Optional.empty();
        }
        credential.recordSuccess();
        metrics.signIn(SignInMethod.RECIPIENT_PASSWORD, Outcome.SUCCEEDED, null);
        return Optional.of(signedIn(address, RecipientSession.Method.PASSWORD));
    }

    private Optional<StartedSession> lockedOut(String address, PasswordCredential credential) {
        audit.recordAs(address, AuditAction.RECIPIENT_SIGN_IN_FAILED, null, "Password sign-in while locked until "
                + credential.getLockedUntil());
        metrics.signIn(SignInMethod.RECIPIENT_PASSWORD, Outcome.PAUSED, "paused");
        return Optional.empty();
    }

    /**
     * Whether the signed-in recipient may open this envelope as its account's Security says: signed in recently
     * enough, and with a password chosen under its minimum length.
     *
     * @throws EnvelopeRefusedException {@code sign_in_again} or {@code password_policy_not_met}
     */
    public void requireOpenable(RecipientSession session, String envelopeId) {
        RecipientSecurity policy = security.envelope(envelopeId);
        String address = session.getAddress();
        EnvelopeRefusal refusal = null;
        if (!policy.stillOpens(session.getStartedAt(), clock.instant())) {
            refusal = EnvelopeRefusal.SIGN_IN_AGAIN;
        } else if (session.getMethod() == RecipientSession.Method.PASSWORD && !registered.byAddress(address)
                .map(r -> r.meetsMinLength(policy.passwordMinLength())).orElse(false)) {
            refusal = EnvelopeRefusal.PASSWORD_POLICY_NOT_MET;
        }
        if (refusal != null) {
            audit.recordAs(address, AuditAction.ENVELOPE_OPEN_REFUSED, null, "Envelope " + envelopeId + " refused: "
                    + refusal.code());
            throw new EnvelopeRefusedException(refusal, EnvelopeOpening.explanation(refusal, address), null);
        }
    }

    /** @throws EnvelopeRefusedException {@code no_script_not_allowed} when the envelope's account does not allow it */
    public void requireNoScriptReading(String envelopeId) {
        if (!security.envelope(envelopeId).noScriptReading()) {
            throw new EnvelopeRefusedException(EnvelopeRefusal.NO_SCRIPT_NOT_ALLOWED,
                    EnvelopeOpening.explanation(EnvelopeRefusal.NO_SCRIPT_NOT_ALLOWED, null), null);
        }
    }

    /** The viewer session the browser's key opens, while it is active. */
    public Optional<RecipientSession> session(String sessionKey) {
        return sessions.active(sessionKey);
    }

    public void signOut(String sessionKey) {
        sessions.end(sessionKey);
    }

    /** What a registration or reset link is for, while it works; looking does not use it up. */
    public Optional<PasswordLink> passwordLink(String token) {
        return usableLink(token).map(c -> new PasswordLink(c.getAddress(), c.getPurpose() == ChallengePurpose.REGISTRATION,
                c.getEnvelopeId()));
    }

    /**
     * Sets the password of the address the link proves (registering it if need be), uses the link up, ends the
     * address's other sessions and signs this browser in.
     *
     * @throws InvalidValueException on {@code token} when the link no longer works, on {@code password} when the
     *                               password breaks the rules
     */
    public StartedSession setPassword(String token, char[] password) {
        RecipientChallenge link = usableLink(token).orElseThrow(() -> new InvalidValueException(TOKEN,
                "This link has expired or was used already. Ask for a new one from the envelope's sign-in page."));
        String address = link.getAddress();
        PasswordPolicy.check(PASSWORD, password, address);
        // the policy of the account whose envelope the link came from (its Security)
        RecipientSecurity policy = security.envelope(link.getEnvelopeId());
        if (password.length < policy.passwordMinLength()) {
            throw new InvalidValueException(PASSWORD, "Password has " + password.length + " characters; the sender's"
                    + " organisation requires at least " + policy.passwordMinLength() + ".");
        }
        if (policy.rejectCommonPasswords() && CommonPasswords.contains(password)) {
            throw new InvalidValueException(PASSWORD, "This password is among the most common ones, which are tried"
                    + " first by anyone guessing: choose another.");
        }
        Instant now = clock.instant();
        link.consume(now);
        String hash = hasher.hash(password);
        int minLength = Math.max(PasswordPolicy.MIN_LENGTH, policy.passwordMinLength());
        Optional<RegisteredRecipient> existing = registered.byAddress(address);
        existing.ifPresentOrElse(r -> r.choosePassword(hash, minLength, now),
                () -> em.persist(new RegisteredRecipient(address, hash, minLength, now)));
        sessions.endAll(address);
        audit.recordAs(address, AuditAction.RECIPIENT_PASSWORD_SET, null, existing.isPresent()
                ? "Chose a new password through a mailed link" : "Registered with a password after proving the address");
        return signedIn(address, RecipientSession.Method.PASSWORD);
    }

    /**
     * The organisation whose IdP signs this address in: the active account that has verified the address or its
     * domain, when it signs in with SAML, and the one of its identity providers that serves the address. Which domains federate is no secret (email-first sign-in shows it too);
     * whether the address may open anything is not told.
     */
    public Optional<RecipientOrganisation> organisationOf(String typedAddress) {
        EmailAddress address = EmailAddress.parse(address(ADDRESS, typedAddress));
        return profileOwners.accountOf(address).filter(Account::isActive)
                .filter(account -> account.getAuthenticationMethod() == AuthenticationMethod.SAML)
                .flatMap(account -> identityProviders.active(account, identityProviders.serving(account, address.value())))
                .map(idp -> new RecipientOrganisation(idp.getAccount().getNumber(), idp.getAccount().getName(), idp.getName()));
    }

    /** A viewer session for an address the account's IdP vouched for and the account has verified. */
    public StartedSession signedInAtIdentityProvider(String address, String accountNumber, String issuer) {
        return signedIn(Envelope.normalized(address), RecipientSession.Method.SSO, accountNumber,
                "the identity provider " + issuer + " of account " + accountNumber);
    }

    private StartedSession signedIn(String address, RecipientSession.Method method) {
        return signedIn(address, method, null, method == RecipientSession.Method.CODE ? "a one-time code" : "a password");
    }

    private StartedSession signedIn(String address, RecipientSession.Method method, String accountNumber, String how) {
        audit.recordAs(address, AuditAction.RECIPIENT_SIGNED_IN, accountNumber, "Signed in to the envelope viewer with " + how);
        return sessions.start(address, method);
    }

    private Optional<RecipientChallenge> usableLink(String token) {
        if (!SessionKeys.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createNamedQuery(RecipientChallenge.BY_DIGEST, RecipientChallenge.class)
                .setParameter("digest", RecipientSecrets.tokenDigest(token)).getResultStream()
                .filter(c -> c.getPurpose().isLink() && c.isUsableAt(now)).findFirst();
    }
}
