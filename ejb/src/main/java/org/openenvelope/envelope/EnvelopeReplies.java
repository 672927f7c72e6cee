package org.openenvelope.envelope;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.ResourceNotFoundException;

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
    AuditLog audit;

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
        Instant now = clock.instant();
        original.refusalFor(replier, now).ifPresent(refusal -> {
            throw new EnvelopeRefusedException(refusal, "You can no longer answer this envelope.", null);
        });
        byte[] mime = reply.mime(replier, reply.addressees(original, replier), now);
        service.requireWithinLimit(mime.length);
        SealedEnvelope sealed = sealer.seal(original.getAccount(), PlainMessage.parse(mime), baseUrl, replier);
        audit.recordAs(replier, AuditAction.ENVELOPE_REPLIED, original.getAccount().getNumber(), switch (reply.kind()) {
            case REPLY -> "Replied";
            case REPLY_ALL -> "Replied to all";
            case FORWARD -> "Forwarded";
        } + " to envelope " + originalId + " with envelope " + sealed.envelope().id());
        return sealed;
    }

    public void recordSent(String accountNumber, String envelopeId, String replier, int recipients) {
        audit.recordAs(replier, AuditAction.ENVELOPE_SENT, accountNumber, "Sent envelope " + envelopeId + " to "
                + recipients + " recipient(s)");
    }
}
