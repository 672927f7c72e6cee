package org.openenvelope.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssuedTokenTest {

    private static final Instant NOW = Instant.parse("2025-04-01T10:00:00Z");

    @Test
    void toStringNeverShowsTheSecret() {
        String secret = TokenSecret.generate().reveal();
        IssuedToken issued = new IssuedToken(
                new TokenView(5, "CI", secret.substring(0, 9), "a@example.com", NOW, null, null, null, null, false), secret);
        assertFalse(issued.toString().contains(secret), issued.toString());
        assertTrue(issued.toString().contains("secret=(hidden)"));
    }

    @Test
    void aViewIsRevokedOnceItHasARevocationTime() {
        assertFalse(new TokenView(5, "CI", "oe_abcdef", "a@example.com", NOW, null, null, null, null, false).revoked());
        assertTrue(new TokenView(5, "CI", "oe_abcdef", "a@example.com", NOW, null, NOW, "b@example.com", null, false).revoked());
    }
}
