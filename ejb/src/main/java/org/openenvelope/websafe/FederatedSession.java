package org.openenvelope.websafe;

/**
 * How the IdP named a signed-in user, kept with the user-portal session for Single Logout: a LogoutRequest must
 * repeat the NameID exactly, qualifiers included, and the session index it was given.
 */
public record FederatedSession(String nameId, String nameIdFormat, String nameQualifier, String spNameQualifier,
                               String sessionIndex) {
}
