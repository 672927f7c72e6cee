package org.openenvelope.addin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.user.AccountUser;
import org.openenvelope.websafe.LoginRoute;
import org.openenvelope.websafe.PasswordSession;
import org.openenvelope.websafe.PasswordSignInOutcome;
import org.openenvelope.websafe.UserSignIn;
import org.openenvelope.websafe.WebsafeSession;
import org.openenvelope.websafe.WebsafeSessions;

/**
 * What the Outlook add-in asks of the service for its sender: signing in (the same password rules as the user
 * portal, or the account's identity provider through the user portal's session), the mailbox's settings, and the
 * Encryption Flow Summary of each message. The mailbox must be one the account serves (its Profiles list the
 * address or its domain): a user of one account cannot act for another account's mailboxes.
 */
@Stateless
public class AddinService {

    public static final String MAILBOX = "mailbox";
    public static final String ENCRYPTION_NOT_AVAILABLE = "encryption_not_available";
    static final String ENCRYPTION_NOT_AVAILABLE_REASON = "This service cannot encrypt messages through Microsoft 365"
            + " yet, so your message was neither encrypted nor sent. Ask your administrator to choose Flag for your"
            + " domain in Addin Config, so that your organisation's gateway encrypts flagged messages.";
    static final String SESSION_ENDED = "Your sign-in to the add-in has ended: sign in again.";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    UserSignIn userSignIn;

    @Inject
    AddinSessions sessions;

    @Inject
    WebsafeSessions portalSessions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** How the sender signs in: the same answer as the user portal's first step. */
    public LoginRoute route(String email) {
        return userSignIn.route(email);
    }

    /**
     * Signs the sender in with a password, for a mailbox of the same account.
     *
     * @throws InvalidValueException on {@link #MAILBOX} when the mailbox is no address of the sender's account
     */
    public PasswordSignInOutcome signIn(String email, char[] password, char[] newPassword, String mailbox) {
        EmailAddress served = servedMailbox(mailbox);
        return userSignIn.signIn(email, password, newPassword, new PasswordSession() {
            @Override
            public String start(AccountUser user) {
                requireSameAccount(user, served);
                return sessions.start(user, served, AuthenticationMethod.PASSWORD).token();
            }

            @Override
            public String description() {
                return "the Outlook add-in for " + served.value();
            }
        });
    }

    /**
     * Hands a user whom the account's identity provider signed in to the user portal (in the add-in's sign-in
     * dialog) an add-in session for the mailbox.
     *
     * @throws AccessDeniedException when the user-portal session is missing or over
     */
    public String signInFromUserPortal(String portalSessionKey, String mailbox) {
        EmailAddress served = servedMailbox(mailbox);
        WebsafeSession portal = portalSessions.active(portalSessionKey).orElseThrow(() -> new AccessDeniedException(
                "Sign in with your organisation's identity provider first."));
        AccountUser user = portal.getUser();
        requireSameAccount(user, served);
        AddinSessions.Started started = sessions.start(user, served, AuthenticationMethod.SAML);
        audit.recordAs(user.getFederationId(), AuditAction.ADDIN_SIGNED_IN, user.getAccount().getNumber(),
                "Signed in to the Outlook add-in for " + served.value() + " through the identity provider");
        return started.token();
    }

    /** The sender a presented bearer token stands for, while its session lasts. */
    public Optional<String> authenticate(String token) {
        return sessions.active(token).map(s -> s.getUser().getFederationId());
    }

    public AddinSessionView session(String token) {
        AddinSession session = active(token);
        session.used(clock.instant());
        return view(session);
    }

    public void signOut(String token) {
        AddinSession session = active(token);
        audit.recordAs(session.getUser().getFederationId(), AuditAction.ADDIN_SIGNED_OUT,
                session.getUser().getAccount().getNumber(), "Signed out of the Outlook add-in for " + session.getMailbox());
        sessions.end(session);
    }

    /**
     * Starts the flow of one message with the mailbox's encryption type. An Encrypt flow fails at once at
     * <i>Message Encrypted</i> with {@link #ENCRYPTION_NOT_AVAILABLE}: envelopes come with a later version.
     */
    public FlowView startFlow(String token) {
        AddinSession session = active(token);
        DomainSettings settings = settings(session);
        EncryptionFlow flow = new EncryptionFlow(session.getUser(), session.getMailbox(), settings.encryptionType(),
                clock.instant());
        em.persist(flow);
        if (settings.encryptionType() == EncryptionType.ENCRYPT) {
            flow.failed(FlowStepName.ENCRYPTED, ENCRYPTION_NOT_AVAILABLE, ENCRYPTION_NOT_AVAILABLE_REASON, clock.instant());
            ended(flow);
        }
        return FlowView.of(flow);
    }

    /**
     * The add-in reports a step it took itself (the flag on the message), or why it failed.
     *
     * @throws org.openenvelope.error.ConflictException on {@code step} when it is not the flow's next step
     */
    public FlowView report(String token, String flowId, FlowStepName step, String failure) {
        AddinSession session = active(token);
        EncryptionFlow flow = flow(session, flowId);
        if (step != FlowStepName.FLAGGED) {
            throw new InvalidValueException("step", "The add-in reports only " + FlowStepName.FLAGGED
                    + "; the service records the other steps itself.");
        }
        if (failure == null || failure.isBlank()) {
            flow.reached(step, clock.instant());
        } else {
            flow.failed(step, "addin_failed", failure.strip(), clock.instant());
        }
        ended(flow);
        return FlowView.of(flow);
    }

    public FlowView flow(String token, String flowId) {
        return FlowView.of(flow(active(token), flowId));
    }

    private void ended(EncryptionFlow flow) {
        if (flow.getOutcome() != EncryptionFlow.Outcome.IN_PROGRESS) {
            FlowStep last = flow.getSteps().get(flow.getSteps().size() - 1);
            audit.recordAs(flow.getUser().getFederationId(), AuditAction.ADDIN_FLOW_ENDED,
                    flow.getUser().getAccount().getNumber(), flow.getEncryptionType().name().charAt(0)
                            + flow.getEncryptionType().name().substring(1).toLowerCase() + " flow " + flow.getPublicId()
                            + " for " + flow.getMailbox() + ": " + last.getStep().label()
                            + (last.isFailed() ? " failed (" + flow.getFailureCode() + ")" : ""));
        }
    }

    private EncryptionFlow flow(AddinSession session, String flowId) {
        return em.createNamedQuery(EncryptionFlow.BY_PUBLIC_ID, EncryptionFlow.class).setParameter("publicId", flowId)
                .getResultStream().filter(f -> f.getUser().getId().equals(session.getUser().getId())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Flow " + flowId + " was not found."));
    }

    private AddinSession active(String token) {
        return sessions.active(token).orElseThrow(() -> new AccessDeniedException(SESSION_ENDED));
    }

    private AddinSessionView view(AddinSession session) {
        return AddinSessionView.of(session, settings(session));
    }

    private DomainSettings settings(AddinSession session) {
        return sessions.settingsFor(session.getUser().getAccount(), EmailAddress.parse(session.getMailbox()));
    }

    private EmailAddress servedMailbox(String mailbox) {
        EmailAddress address = UserSignIn.parse(MAILBOX, mailbox);
        Optional<Account> account = userSignIn.accountOf(address).filter(Account::isActive);
        if (account.isEmpty()) {
            throw new InvalidValueException(MAILBOX, "The mailbox " + address.value() + " is not served by this"
                    + " service: ask your administrator to add its domain to the account's Profiles.");
        }
        return address;
    }

    private void requireSameAccount(AccountUser user, EmailAddress mailbox) {
        boolean same = userSignIn.accountOf(mailbox).map(a -> a.getId().equals(user.getAccount().getId())).orElse(false);
        if (!same) {
            throw new InvalidValueException(MAILBOX, "You signed in as " + user.getFederationId() + ", whose account"
                    + " does not serve the mailbox " + mailbox.value() + ". Sign in with an address of that mailbox's organisation.");
        }
    }
}
