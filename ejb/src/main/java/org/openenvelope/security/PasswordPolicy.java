package org.openenvelope.security;

import org.openenvelope.error.InvalidValueException;

/**
 * Length is what makes a password strong (NIST SP 800-63B): at least 12 characters, no composition rules, and
 * an upper bound only to keep hashing cheap for the server.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static void check(String field, char[] password, String email) {
        if (password == null || password.length == 0) {
            throw new InvalidValueException(field, "Password is required.");
        }
        if (password.length < MIN_LENGTH) {
            throw new InvalidValueException(field,
                    "Password has " + password.length + " characters; at least " + MIN_LENGTH + " are required.");
        }
        if (password.length > MAX_LENGTH) {
            throw new InvalidValueException(field, "Password is longer than " + MAX_LENGTH + " characters.");
        }
        if (email != null && new String(password).equalsIgnoreCase(email)) {
            throw new InvalidValueException(field, "Password must not be the email address.");
        }
    }
}
