package org.openenvelope.websafe;

/**
 * What a password sign-in to the user portal came to. Refusals are outcomes, not exceptions, so that the failed
 * attempt and the lockout it may cause are committed.
 */
public sealed interface PasswordSignInOutcome {

    record SignedIn(String sessionKey, String accountNumber, String federationId) implements PasswordSignInOutcome {
    }

    /** The one-time password is right; a new password must be chosen before a session starts. */
    record MustChangePassword() implements PasswordSignInOutcome {
    }

    /** @param field the form field the message belongs to */
    record Refused(String field, String message) implements PasswordSignInOutcome {
    }
}
