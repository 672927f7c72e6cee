package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorCodesTest {

    /** RFC 6238 appendix B: the SHA-1 seed and its codes (the last six of the eight digits). */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesAreThoseOfRfc6238() {
        assertEquals("287082", AuthenticatorCodes.codeOf(RFC_SEED, 59 / 30));
        assertEquals("081804", AuthenticatorCodes.codeOf(RFC_SEED, 1111111109L / 30));
        assertEquals("005924", AuthenticatorCodes.codeOf(RFC_SEED, 1234567890L / 30));
        assertEquals("279037", AuthenticatorCodes.codeOf(RFC_SEED, 2000000000L / 30));
    }

    @Test
    void theCurrentCodeAndItsNeighboursMatchTheirStep() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = AuthenticatorCodes.stepAt(now);
        for (long s = step - 1; s <= step + 1; s++) {
            assertEquals(OptionalLong.of(s), AuthenticatorCodes.matchingStep(RFC_SEED,
                    AuthenticatorCodes.codeOf(RFC_SEED, s), now));
        }
        assertEquals(OptionalLong.empty(), AuthenticatorCodes.matchingStep(RFC_SEED,
                AuthenticatorCodes.codeOf(RFC_SEED, step - 2), now), "a minute old");
        assertEquals(OptionalLong.empty(), AuthenticatorCodes.matchingStep(RFC_SEED,
                AuthenticatorCodes.codeOf(RFC_SEED, step + 2), now));
    }

    @Test
    void typedCodesMayHaveSpacesButNothingElse() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        assertTrue(AuthenticatorCodes.matchingStep(RFC_SEED, " 005 924 ", now).isPresent());
        for (String wrong : new String[] {null, "", "5924", "0059245", "00592a", "٠٠٥٩٢٤"}) {
            assertFalse(AuthenticatorCodes.matchingStep(RFC_SEED, wrong, now).isPresent(), String.valueOf(wrong));
        }
    }

    @Test
    void theKeyUriIsWhatAuthenticatorAppsRead() {
        byte[] secret = AuthenticatorCodes.newSecret();
        assertEquals(20, secret.length);
        String typed = AuthenticatorCodes.typed(secret);
        assertTrue(typed.matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), typed);
        assertArrayEquals(secret, AuthenticatorCodes.fromTyped(typed.toLowerCase()));
        assertEquals("otpauth://totp/OpenEnvelope%3Aada%40example.com?secret=" + typed.replace(" ", "")
                + "&issuer=OpenEnvelope&algorithm=SHA1&digits=6&period=30",
                AuthenticatorCodes.keyUri(secret, "ada@example.com"));
        assertNotEquals(typed, AuthenticatorCodes.typed(AuthenticatorCodes.newSecret()));
    }

    @Test
    void recoveryCodesAreTenDistinctCodesWhoseDigestIgnoresHowTheyAreTyped() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        Set<String> distinct = new HashSet<>(codes);
        assertEquals(10, distinct.size());
        for (String code : codes) {
            assertTrue(code.matches("[a-z2-9]{5}-[a-z2-9]{5}"), code);
            assertTrue(RecoveryCodes.looksLikeOne(code));
            assertEquals(RecoveryCodes.digest(code), RecoveryCodes.digest(" " + code.toUpperCase().replace("-", " ")));
        }
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
        assertEquals(64, RecoveryCodes.digest(codes.get(0)).length());
        assertNotEquals(RecoveryCodes.digest(codes.get(0)), RecoveryCodes.digest(codes.get(1)));
    }
}
