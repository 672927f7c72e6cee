package org.openenvelope.saml;

/**
 * Which value of an assertion identifies the user among the account's users: one explicit choice per identity
 * provider, so that no attribute silently overrides the NameID.
 */
public enum FederationIdSource {
    /** The NameID; a transient NameID is refused, as it changes at every sign-in. */
    NAME_ID,
    /** The named attribute, also found under the other names IdPs send it by (OID, urn:mace, FriendlyName). */
    ATTRIBUTE,
    /**
     * Configurations from before the choice existed keep working as they did: the alternate email attribute, else
     * {@code uid}, else a lasting NameID. The portal asks administrators to choose one of the others.
     */
    LEGACY
}
