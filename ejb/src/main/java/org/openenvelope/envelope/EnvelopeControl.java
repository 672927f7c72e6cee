package org.openenvelope.envelope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.InvalidValueException;

/**
 * Lock, unlock, expiry and revocation of an envelope the caller has already been found to control (an account's
 * administrator, or its sender in the user portal), audited in the caller's transaction.
 */
@ApplicationScoped
public class EnvelopeControl {

    @Inject
    AuditLog audit;

    @Inject
    FeaturesOf features;

    @Inject
    Clock clock;

    /** Locks it for every recipient with a reason they see; the key is kept. @param actor null: the signed-in caller */
    public EnvelopeView lock(Envelope envelope, String reason, String actor) {
        envelope.lock(reason, clock.instant());
        return recorded(envelope, actor, AuditAction.ENVELOPE_LOCKED, "Locked envelope " + envelope.getPublicId() + ": "
                + envelope.getLockReason());
    }

    public EnvelopeView unlock(Envelope envelope, String actor) {
        envelope.unlock();
        return recorded(envelope, actor, AuditAction.ENVELOPE_UNLOCKED, "Unlocked envelope " + envelope.getPublicId());
    }

    /** A new expiry (null: never); an expired envelope can be revived until its key is destroyed. */
    public EnvelopeView changeExpiry(Envelope envelope, Instant expiresAt, String actor) {
        Instant latest = features.account(envelope.getAccount()).latestExpiry(envelope.getCreatedAt());
        if (latest != null && (expiresAt == null || expiresAt.isAfter(latest))) {
            throw new InvalidValueException("expiresAt", "Envelopes of this account expire at the latest "
                    + features.account(envelope.getAccount()).maxExpiryDays() + " days after sealing (its Features):"
                    + " for this one, " + latest + ".");
        }
        Instant before = envelope.getExpiresAt();
        envelope.changeExpiry(expiresAt, clock.instant());
        return recorded(envelope, actor, AuditAction.ENVELOPE_EXPIRY_CHANGED, "Expiry of envelope " + envelope.getPublicId()
                + " changed from " + (before == null ? "never" : before) + " to " + (expiresAt == null ? "never" : expiresAt));
    }

    /** Revokes for one recipient; when it is the last one, the key is destroyed. */
    public EnvelopeView revoke(Envelope envelope, String recipient, String actor) {
        envelope.revoke(recipient == null ? "" : recipient, clock.instant());
        return recorded(envelope, actor, AuditAction.ENVELOPE_REVOKED, "Revoked envelope " + envelope.getPublicId()
                + " for " + Envelope.normalized(recipient) + (envelope.isKeyDestroyed() ? "; no recipient is left, so its"
                + " key is destroyed" : ""));
    }

    /** Revokes for every recipient: the key is destroyed and every copy of the envelope is unreadable. */
    public EnvelopeView revokeForEveryone(Envelope envelope, String actor) {
        envelope.revokeForEveryone(clock.instant());
        return recorded(envelope, actor, AuditAction.ENVELOPE_REVOKED, "Revoked envelope " + envelope.getPublicId()
                + " for every recipient; its key is destroyed");
    }

    private EnvelopeView recorded(Envelope envelope, String actor, AuditAction action, String detail) {
        if (actor == null) {
            audit.record(action, envelope.getAccount().getNumber(), detail);
        } else {
            audit.recordAs(actor, action, envelope.getAccount().getNumber(), detail);
        }
        return EnvelopeView.of(envelope, clock.instant());
    }
}
