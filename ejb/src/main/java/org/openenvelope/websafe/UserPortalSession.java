package org.openenvelope.websafe;

import java.time.Instant;

/** A signed-in user of the user portal, as its pages show them. */
public record UserPortalSession(String accountNumber, String accountName, String federationId, String nameId,
                                String nameIdFormat, String sessionIndex, Instant startedAt) {
}
