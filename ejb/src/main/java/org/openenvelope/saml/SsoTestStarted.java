package org.openenvelope.saml;

/** A Test SSO run waiting for the administrator's browser: open {@code url} (in a new tab) to perform it. */
public record SsoTestStarted(long id, String url) {
}
