package org.openenvelope.security;

import jakarta.security.enterprise.credential.Credential;

/** The code of an administrator's authenticator app, or one of their recovery codes, after their password. */
public record AuthenticatorCodeCredential(String code) implements Credential {

    @Override
    public String toString() {
        return "AuthenticatorCodeCredential[(hidden)]";
    }
}
