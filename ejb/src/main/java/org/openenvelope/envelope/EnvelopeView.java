package org.openenvelope.envelope;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An envelope as its sender and the account's administrators see it: the record, never the content. Bcc
 * recipients are listed here; recipients never see this view.
 *
 * @param status one of {@code active}, {@code locked}, {@code expired}, {@code revoked} (for every recipient:
 *               the key is destroyed), as of now
 */
public record EnvelopeView(String id, String accountNumber, String sender, Instant createdAt, Instant expiresAt,
                           String status, String lockReason, Instant keyDestroyedAt, long ciphertextBytes,
                           List<Recipient> recipients) implements Serializable {

    /** One recipient, with when they first opened the envelope and whether it is revoked for them. */
    public record Recipient(String address, String kind, Instant firstOpenedAt, Instant revokedAt) implements Serializable {
    }

    public static EnvelopeView of(Envelope envelope, Instant now) {
        String status = envelope.isKeyDestroyed()
                ? envelope.getKeyDestruction() == KeyDestruction.EXPIRED ? "expired" : "revoked"
                : envelope.isExpiredAt(now) ? "expired" : envelope.isLocked() ? "locked" : "active";
        return new EnvelopeView(envelope.getPublicId(), envelope.getAccount().getNumber(), envelope.getSender(),
                envelope.getCreatedAt(), envelope.getExpiresAt(), status, envelope.getLockReason(),
                envelope.getKeyDestroyedAt(), envelope.getCiphertextBytes(),
                envelope.getRecipients().stream().map(r -> new Recipient(r.getAddress(), r.getKind().name().toLowerCase(),
                        r.getFirstOpenedAt(), r.getRevokedAt())).toList());
    }
}
