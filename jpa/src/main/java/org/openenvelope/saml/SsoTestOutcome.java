package org.openenvelope.saml;

public enum SsoTestOutcome {
    PENDING, PASSED, FAILED
}
