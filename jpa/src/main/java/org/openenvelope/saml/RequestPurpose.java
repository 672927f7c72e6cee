package org.openenvelope.saml;

/** What an outstanding request of ours was for, so an answer cannot be taken for the other kind. */
public enum RequestPurpose {
    SIGN_IN, LOGOUT, SSO_TEST,
    /** A recipient signing in to the envelope viewer at the IdP of the account that owns their address. */
    RECIPIENT,
    /** An account administrator signing in to the portal at the account's IdP. */
    ADMINISTRATOR
}
