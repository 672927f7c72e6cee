package org.openenvelope.saml;

/**
 * The outcome of an accepted assertion: a new user-portal session.
 *
 * @param sessionKey the secret the browser's HTTP session keeps; only its digest is stored
 * @param nextPath   the local path to continue to
 */
public record SignedIn(String sessionKey, String accountNumber, String federationId, String nextPath) {
}
