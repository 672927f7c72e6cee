package org.openenvelope.envelope;

import java.time.Instant;

/** A recipient opened an envelope for the first time: the sender gets a read receipt once this is committed. */
public record FirstOpening(String envelopeId, String sender, String recipient, Instant sentAt, Instant openedAt,
                           String baseUrl) {
}
