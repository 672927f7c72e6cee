package org.openenvelope.envelope;

import java.time.Instant;
import org.openenvelope.branding.Brand;

/**
 * The outside of an envelope, from the service's record: who sent it, through which account (as its brand shows
 * it), when.
 */
public record EnvelopeCover(String envelopeId, String sender, Brand brand, Instant sentAt) {
}
