package org.openenvelope.envelope;

import java.time.Instant;

/** The outside of an envelope, from the service's record: who sent it, through which account, when. */
public record EnvelopeCover(String envelopeId, String sender, String accountName, Instant sentAt) {
}
