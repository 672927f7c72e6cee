package org.openenvelope.envelope;

import java.time.Instant;

/**
 * What the Envelopes page and the API search by; every part is optional.
 *
 * @param sender    part of the sender's address
 * @param recipient part of a recipient's address (To, Cc or Bcc)
 * @param from      created at or after
 * @param until     created before
 */
public record EnvelopeSearch(String sender, String recipient, Instant from, Instant until) {

    public static EnvelopeSearch everything() {
        return new EnvelopeSearch(null, null, null, null);
    }
}
