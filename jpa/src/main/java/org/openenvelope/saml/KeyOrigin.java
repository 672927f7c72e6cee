package org.openenvelope.saml;

/** The SP certificate types of the setup wizard: generated (self-signed) by the service, or uploaded (CA-issued). */
public enum KeyOrigin {
    GENERATED, UPLOADED
}
