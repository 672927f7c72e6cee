package org.openenvelope.saml.validation;

import java.time.Instant;

/** Remembers assertion ids until they expire, so each assertion signs someone in once. */
public interface ReplayCache {

    /**
     * Records the first use of an assertion.
     *
     * @param expiresAt after this moment the assertion is refused on its own dates, so it can be forgotten
     * @return false when the assertion was used before
     */
    boolean firstUse(String issuer, String assertionId, Instant expiresAt);
}
