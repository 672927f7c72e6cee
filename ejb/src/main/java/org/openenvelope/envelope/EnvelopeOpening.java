package org.openenvelope.envelope;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.audit.RequestOrigin;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.branding.BrandOf;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.security.SecretBox;

/**
 * Releases an envelope's key to a recipient whose address the viewer session proved, after the envelope's own
 * rules (recipient list, revocation, expiry, lock). Every opening and every refusal is audited in the envelope's
 * account with the address, the client's network address and its user agent.
 */
@Stateless
public class EnvelopeOpening {

    @Inject
    Envelopes envelopes;

    @Inject
    ServiceMetrics metrics;

    @Inject
    SecretBox secrets;

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

    @Inject
    Event<FirstOpening> firstOpenings;

    @Inject
    FeaturesOf features;

    @Inject
    BrandOf brands;

    @Inject
    Clock clock;

    /**
     * What the viewer shows before anyone signs in, under the account's brand; the ID is unguessable, and whoever
     * has it has the attachment.
     */
    public Optional<EnvelopeCover> cover(String envelopeId) {
        return envelopes.byId(envelopeId).map(e -> new EnvelopeCover(e.getPublicId(), e.getSender(),
                brands.account(e.getAccount()), e.getCreatedAt()));
    }

    /**
     * @param address  the recipient's proven address, lower case
     * @param baseUrl  the service's public URL, for the read receipt
     * @throws ResourceNotFoundException when no envelope has this ID
     * @throws EnvelopeRefusedException  when it does not open for this address now
     */
    public ReleasedKey release(String envelopeId, String address, EnvelopeFeatures.SignIn method, String baseUrl) {
        Envelope envelope = envelopes.byId(envelopeId).orElseThrow(() -> new ResourceNotFoundException(
                "This envelope is not known here."));
        Instant now = clock.instant();
        String account = envelope.getAccount().getNumber();
        EnvelopeFeatures allowed = features.account(envelope.getAccount());
        Optional<EnvelopeRefusal> refusal = envelope.refusalFor(address, now)
                .or(() -> allowed.allows(method) ? Optional.empty() : Optional.of(EnvelopeRefusal.SIGN_IN_METHOD_NOT_ALLOWED));
        if (refusal.isPresent()) {
            audit.recordAs(address, AuditAction.ENVELOPE_OPEN_REFUSED, account, "Envelope " + envelopeId + " refused: "
                    + refusal.get().code() + client());
            throw new EnvelopeRefusedException(refusal.get(), explanation(refusal.get(), address),
                    refusal.get() == EnvelopeRefusal.LOCKED ? envelope.getLockReason() : null);
        }
        byte[] key = secrets.open(envelope.getSealedKey(), Envelope.keyPurpose(envelopeId));
        EnvelopeBinding binding = EnvelopeBinding.of(envelope);
        boolean first = envelope.openedBy(address, now);
        metrics.envelopeOpened();
        audit.recordAs(address, AuditAction.ENVELOPE_OPENED, account, "Envelope " + envelopeId + " opened"
                + (first ? " for the first time" : "") + client());
        if (first && allowed.readReceipts()) {
            firstOpenings.fire(new FirstOpening(envelopeId, envelope.getSender(), address, envelope.getCreatedAt(), now, baseUrl));
        }
        return new ReleasedKey(envelopeId, envelope.getSender(), brands.account(envelope.getAccount()).displayName(),
                envelope.getCreatedAt(),
                envelope.getKeyVersion(), key, binding.associatedData(EnvelopeBinding.Part.MESSAGE),
                envelope.getEncryptedSubject(), binding.associatedData(EnvelopeBinding.Part.SUBJECT),
                binding.recipients().stream().filter(r -> r.kind() != RecipientKind.BCC || r.address().equals(address))
                        .toList(), address, java.util.Arrays.stream(ReplyKind.values()).filter(allowed::allows).toList());
    }

    /**
     * The no-JavaScript fallback: the same release, then the message decrypted here for this one answer. The
     * plaintext is neither stored nor logged, and the key and plaintext buffers are cleared afterwards.
     *
     * @throws EnvelopeTamperedException when the ciphertext is not this envelope's as the record has it
     */
    public ServerReading readOnServer(String envelopeId, String address, byte[] ciphertext, String baseUrl) {
        // the page without JavaScript signs recipients in with a one-time code
        ReleasedKey released = release(envelopeId, address, EnvelopeFeatures.SignIn.CODE, baseUrl);
        Envelope envelope = envelopes.byId(envelopeId).orElseThrow();
        byte[] plaintext = null;
        try {
            plaintext = EnvelopeCipher.decrypt(released.key(), EnvelopeBinding.of(envelope), EnvelopeBinding.Part.MESSAGE,
                    ciphertext);
            return ServerReading.of(plaintext);
        } finally {
            java.util.Arrays.fill(released.key(), (byte) 0);
            if (plaintext != null) {
                java.util.Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private String client() {
        String agent = origin.userAgent();
        return agent == null ? "" : " (" + agent + ")";
    }

    /** Why an envelope does not open for the address, in the recipient's words. */
    public static String explanation(EnvelopeRefusal refusal, String address) {
        return switch (refusal) {
            case NOT_A_RECIPIENT -> "This envelope is not addressed to " + address + ".";
            case LOCKED -> "The sender has locked this envelope for now.";
            case EXPIRED -> "This envelope has expired and can no longer be opened.";
            case REVOKED -> "The sender has withdrawn this envelope; it can no longer be opened.";
            case SIGN_IN_METHOD_NOT_ALLOWED -> "The sender's organisation does not allow opening its messages after"
                    + " signing in this way: sign out and sign in another way (one-time code, password or your"
                    + " organisation, as offered).";
            case SIGN_IN_AGAIN -> "The sender's organisation asks you to sign in again to open its messages.";
            case PASSWORD_POLICY_NOT_MET -> "The sender's organisation requires a longer password than yours: choose a"
                    + " new one with \"Forgot password\", then open the message.";
            case NO_SCRIPT_NOT_ALLOWED -> "The sender's organisation does not allow opening its messages without"
                    + " JavaScript: open the attachment in a browser with JavaScript.";
        };
    }
}
