package org.openenvelope.saml;

/**
 * Where an SP key is in its rollover: NEXT is published in metadata (so IdPs learn it) but does not sign yet;
 * ACTIVE signs; PREVIOUS no longer signs but is still published and still decrypts, until it is RETIRED.
 */
public enum KeyStatus {
    NEXT, ACTIVE, PREVIOUS, RETIRED;

    public boolean isPublished() {
        return this != RETIRED;
    }
}
