package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.error.InvalidValueException;

class PasswordPolicyTest {

    private static InvalidValueException refusal(String field, String password, String email) {
        return assertThrows(InvalidValueException.class,
                () -> PasswordPolicy.check(field, password == null ? null : password.toCharArray(), email));
    }

    @Test
    void requiresAPassword() {
        InvalidValueException missing = refusal("newPassword", null, "a@example.com");
        assertEquals("newPassword", missing.field());
        assertEquals("Password is required.", missing.getMessage());
        assertEquals("Password is required.", refusal("newPassword", "", "a@example.com").getMessage());
    }

    @Test
    void requiresAtLeastTwelveCharacters() {
        InvalidValueException tooShort = refusal("newPassword", "elevenchars", "a@example.com");
        assertEquals("newPassword", tooShort.field());
        assertEquals("Password has 11 characters; at least 12 are required.", tooShort.getMessage());
        assertDoesNotThrow(() -> PasswordPolicy.check("newPassword", "twelve chars".toCharArray(), "a@example.com"));
    }

    @Test
    void allowsUpToOneHundredTwentyEightCharacters() {
        assertDoesNotThrow(() -> PasswordPolicy.check("newPassword", "p".repeat(128).toCharArray(), null));
        InvalidValueException tooLong = refusal("newPassword", "p".repeat(129), null);
        assertEquals("newPassword", tooLong.field());
        assertEquals("Password is longer than 128 characters.", tooLong.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ADA@EXAMPLE.COM", "Ada@Example.com"})
    void refusesTheEmailAddressInAnyCase(String password) {
        InvalidValueException refused = refusal("newPassword", password, "ada@example.com");
        assertEquals("Password must not be the email address.", refused.getMessage());
    }

    @Test
    void namesTheFieldItWasGiven() {
        assertEquals("openenvelope.admin.password", refusal("openenvelope.admin.password", "short", null).field());
    }

    @Test
    void hasNoCompositionRules() {
        assertDoesNotThrow(() -> PasswordPolicy.check("p", "aaaaaaaaaaaa".toCharArray(), "a@example.com"));
        assertDoesNotThrow(() -> PasswordPolicy.check("p", "lange Passphrase mit Ümlauten".toCharArray(), null));
    }
}
