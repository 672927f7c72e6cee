package org.openenvelope.websafe;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.EnvelopeControl;
import org.openenvelope.envelope.EnvelopeView;
import org.openenvelope.envelope.Envelopes;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * A signed-in user's own envelopes in the user portal: those their account sealed with their address as the
 * sender (the user's ID, as email-first sign-in has it), and the same control over them as the account's
 * administrators have. Another sender's envelope reads as not found.
 */
@Stateless
public class SenderEnvelopes {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    WebsafeSessions sessions;

    @Inject
    Envelopes envelopes;

    @Inject
    EnvelopeControl control;

    @Inject
    Clock clock;

    private record Sender(org.openenvelope.account.Account account, String address) {
    }

    public boolean isSignedIn(String sessionKey) {
        return sessions.active(sessionKey).filter(s -> s.getAccount().isActive()).isPresent();
    }

    public Page<EnvelopeView> page(String sessionKey, int page) {
        Sender sender = sender(sessionKey);
        Instant now = clock.instant();
        return Paging.of(page, Paging.DEFAULT_SIZE).page(
                em.createQuery("select e from Envelope e where e.account = :account and e.sender = :sender"
                        + " order by e.createdAt desc, e.id desc", Envelope.class)
                        .setParameter("account", sender.account()).setParameter("sender", sender.address()),
                em.createQuery("select count(e) from Envelope e where e.account = :account and e.sender = :sender", Long.class)
                        .setParameter("account", sender.account()).setParameter("sender", sender.address()))
                .map(envelope -> EnvelopeView.of(envelope, now));
    }

    public EnvelopeView lock(String sessionKey, String envelopeId, String reason) {
        Sender sender = sender(sessionKey);
        return control.lock(own(sender, envelopeId), reason, sender.address());
    }

    public EnvelopeView unlock(String sessionKey, String envelopeId) {
        Sender sender = sender(sessionKey);
        return control.unlock(own(sender, envelopeId), sender.address());
    }

    public EnvelopeView changeExpiry(String sessionKey, String envelopeId, Instant expiresAt) {
        Sender sender = sender(sessionKey);
        return control.changeExpiry(own(sender, envelopeId), expiresAt, sender.address());
    }

    public EnvelopeView revoke(String sessionKey, String envelopeId, String recipient) {
        Sender sender = sender(sessionKey);
        return control.revoke(own(sender, envelopeId), recipient, sender.address());
    }

    public EnvelopeView revokeForEveryone(String sessionKey, String envelopeId) {
        Sender sender = sender(sessionKey);
        return control.revokeForEveryone(own(sender, envelopeId), sender.address());
    }

    private Sender sender(String sessionKey) {
        WebsafeSession session = sessions.active(sessionKey).filter(s -> s.getAccount().isActive())
                .orElseThrow(() -> new AccessDeniedException("Sign in to the user portal first."));
        return new Sender(session.getAccount(), Envelope.normalized(session.getUser().getFederationId()));
    }

    private Envelope own(Sender sender, String envelopeId) {
        return envelopes.byId(envelopeId).filter(e -> e.getAccount().getId().equals(sender.account().getId())
                && e.getSender().equals(sender.address())).orElseThrow(() -> new ResourceNotFoundException(
                "Envelope " + envelopeId + " is not one of yours."));
    }
}
