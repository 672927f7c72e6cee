package org.openenvelope.addin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.openenvelope.operations.ServiceMetrics;
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
    /** Graph's REST ids are about 150 characters; room for growth, not for a message. */
    static final int MAX_MESSAGE_ID = 512;
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
    FlowAudit flowAudit;

    @Inject
    AddinRules rules;

    @Inject
    EncryptFlows encryptFlows;

    @Inject
    Event<FlowDue> due;

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

            @Override
            public ServiceMetrics.SignInMethod method() {
                return ServiceMetrics.SignInMethod.ADDIN_PASSWORD;
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
     * Starts the flow of one message with the mailbox's encryption type. Flag: the add-in marks the message and
     * reports it. Encrypt: the service reads the saved draft {@code messageId} (Graph's REST id) from the sender's
     * mailbox, seals, sends and deletes it ({@link EncryptFlowRunner}) after this transaction commits; the same
     * draft asked for again gets the same flow, so a repeated request never sends the message twice (one that
     * failed before anything was made of the draft starts over).
     *
     * @param baseUrl where the envelope's links point (asked for Encrypt only: it refuses without a public URL)
     * @throws InvalidValueException on {@code messageId} when Encrypt has no draft to work on
     */
    public StartedFlow startFlow(String token, FlowRequest request, Supplier<String> baseUrl) {
        AddinSession session = active(token);
        Decision decision = decision(session, request);
        Instant now = clock.instant();
        if (decision.encryptionType() != EncryptionType.ENCRYPT) {
            EncryptionFlow flow = new EncryptionFlow(session.getUser(), session.getMailbox(), decision.encryptionType(), now);
            em.persist(flow);
            return new StartedFlow(FlowView.of(flow), true);
        }
        String messageId = request.messageId();
        if (messageId == null || messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID) {
            throw new InvalidValueException("messageId", (decision.rule() == null ? "Encrypt" : "This message is to be"
                    + " encrypted (" + decision.rule() + "), which") + " needs the saved draft's REST id (messageId, at"
                    + " most " + MAX_MESSAGE_ID + " characters): this version of Outlook may not save drafts for add-ins.");
        }
        Optional<EncryptionFlow> existing = em.createNamedQuery(EncryptionFlow.OF_SOURCE, EncryptionFlow.class)
                .setParameter("user", session.getUser()).setParameter("source", messageId.strip()).getResultStream().findFirst();
        if (existing.isPresent()) {
            // failed before anything was made of the draft: asked again, it starts over (the cause may be fixed)
            if (!encryptFlows.reopen(existing.get())) {
                kick(existing.get());
            }
            return new StartedFlow(FlowView.of(existing.get()), false);
        }
        EncryptionFlow flow = EncryptionFlow.encrypt(session.getUser(), session.getMailbox(), messageId.strip(),
                baseUrl.get(), now);
        em.persist(flow);
        due.fire(new FlowDue(flow.getPublicId()));
        return new StartedFlow(FlowView.of(flow), true);
    }

    /**
     * Encrypt or Flag for this message: the first of the account's rules it matches (its recipients' domains, its
     * subject), else the mailbox domain's setting.
     */
    public Decision decide(String token, FlowRequest message) {
        return decision(active(token), message);
    }

    /** How a message is to be protected, and the rule that said so (null: the mailbox domain's setting). */
    public record Decision(EncryptionType encryptionType, String rule) {
    }

    private Decision decision(AddinSession session, FlowRequest message) {
        return EncryptionRules.decide(rules.of(session.getUser().getAccount()), message.recipients(), message.subject())
                .map(rule -> new Decision(rule.action(), rule.describe()))
                .orElseGet(() -> new Decision(settings(session).encryptionType(), null));
    }

    /** A flow asked for, and whether this request started it (false: the same message's flow, found again). */
    public record StartedFlow(FlowView flow, boolean started) {
    }

    /**
     * Try again, for a flow that failed for a reason that may go away (throttling, Microsoft unavailable, the draft
     * not saved yet).
     *
     * @throws org.openenvelope.error.ConflictException when trying again does not help
     */
    public FlowView retry(String token, String flowId) {
        EncryptionFlow flow = flow(active(token), flowId);
        encryptFlows.retry(flow);
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
        flowAudit.ended(flow);
        return FlowView.of(flow);
    }

    /** The flow's summary; an Encrypt flow whose worker is overdue (a node went away) is taken up again. */
    public FlowView flow(String token, String flowId) {
        EncryptionFlow flow = flow(active(token), flowId);
        kick(flow);
        return FlowView.of(flow);
    }

    private void kick(EncryptionFlow flow) {
        if (flow.isDue(clock.instant())) {
            due.fire(new FlowDue(flow.getPublicId()));
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
