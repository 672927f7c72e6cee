package org.openenvelope.envelope;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.TooManyRequestsException;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.security.SecretBox;

/**
 * Secure Reply, Reply All and Forward: a recipient who may open an envelope now answers with a new envelope of the
 * same account, from their proven address. The service writes and seals the message; the caller sends it once
 * this is committed, as for any envelope.
 */
@Stateless
public class EnvelopeReplies {

    @Inject
    Envelopes envelopes;

    @Inject
    EnvelopeService service;

    @Inject
    EnvelopeSealer sealer;

    @Inject
    ServiceMetrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    SecretBox secrets;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** Secure Replies and forwards a recipient may send in 24 hours, across the cluster. */
    @Inject
    @ConfigProperty(name = "openenvelope.recipient.replies-per-day", defaultValue = "50")
    long repliesPerDay;

    @Inject
    FeaturesOf features;

    @Inject
    Clock clock;

    /**
     * @throws EnvelopeRefusedException when the original does not open for the replier now
     */
    public SealedEnvelope seal(String originalId, String replier, SecureReply reply, String baseUrl) {
        Envelope original = envelopes.byId(originalId).orElseThrow(() -> new ResourceNotFoundException(
                "This envelope is not known here."));
        if (!original.getAccount().isActive()) {
            throw new ConflictException("account", "The sender's account is suspended; it seals no messages.");
        }
        if (!features.account(original.getAccount()).allows(reply.kind())) {
            throw new ConflictException("kind", "The sender's organisation does not allow " + switch (reply.kind()) {
                case REPLY -> "Secure Reply";
                case REPLY_ALL -> "Reply All";
                case FORWARD -> "Forward";
            } + " on its envelopes.");
        }
        Instant now = clock.instant();
        original.refusalFor(replier, now).ifPresent(refusal -> {
            throw new EnvelopeRefusedException(refusal, "You can no longer answer this envelope.", null);
        });
        long today = em.createQuery("select count(e) from Envelope e where e.sender = :sender and e.createdAt > :since",
                Long.class).setParameter("sender", replier).setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult();
        if (today >= repliesPerDay) {
            metrics.rateLimited("recipient_replies_per_day");
            throw new TooManyRequestsException("You have sent " + today + " secure replies and forwards in the last"
                    + " 24 hours, the most allowed", Duration.ofHours(1));
        }
        // The subject is the record's, not what the browser says: a forward must not become a stranger's phishing line.
        byte[] mime = reply.withSubject(recordedSubject(original)).mime(replier, reply.addressees(original, replier), now);
        service.requireWithinLimit(original.getAccount(), mime.length);
        SealedEnvelope sealed = sealer.seal(original.getAccount(), PlainMessage.parse(mime), baseUrl, replier);
        metrics.envelopeSealed("secure_reply");
        audit.recordAs(replier, AuditAction.ENVELOPE_REPLIED, original.getAccount().getNumber(), switch (reply.kind()) {
            case REPLY -> "Replied";
            case REPLY_ALL -> "Replied to all";
            case FORWARD -> "Forwarded";
        } + " to envelope " + originalId + " with envelope " + sealed.envelope().id());
        return sealed;
    }

    private String recordedSubject(Envelope original) {
        if (original.getEncryptedSubject() == null) {
            return "";
        }
        byte[] key = secrets.open(original.getSealedKey(), Envelope.keyPurpose(original.getPublicId()));
        try {
            return new String(EnvelopeCipher.decrypt(key, EnvelopeBinding.of(original), EnvelopeBinding.Part.SUBJECT,
                    Base64.getDecoder().decode(original.getEncryptedSubject())), StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public void recordSent(String accountNumber, String envelopeId, String replier, int recipients) {
        audit.recordAs(replier, AuditAction.ENVELOPE_SENT, accountNumber, "Sent envelope " + envelopeId + " to "
                + recipients + " recipient(s)");
    }
}
