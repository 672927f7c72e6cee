package org.openenvelope.saml;

/**
 * How the IdP named a signed-in user, kept for Single Logout: a LogoutRequest must repeat the NameID exactly,
 * qualifiers included, and the session index it was given.
 */
public record FederatedSession(String nameId, String nameIdFormat, String nameQualifier, String spNameQualifier,
                               String sessionIndex) {

    public static FederatedSession of(ValidatedAssertion assertion) {
        return new FederatedSession(assertion.nameId(), assertion.nameIdFormat(), assertion.nameQualifier(),
                assertion.spNameQualifier(), assertion.sessionIndex());
    }
}
