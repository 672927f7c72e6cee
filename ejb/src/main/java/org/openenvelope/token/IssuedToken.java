package org.openenvelope.token;

/** A token just created, with its secret: the only moment the secret exists outside the caller's hands. */
public record IssuedToken(TokenView token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=(hidden)]";
    }
}
