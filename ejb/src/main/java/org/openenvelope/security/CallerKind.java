package org.openenvelope.security;

public enum CallerKind {
    /** A person signed in to the portal. */
    ADMINISTRATOR,
    /** A program presenting an API bearer token. */
    API_TOKEN
}
