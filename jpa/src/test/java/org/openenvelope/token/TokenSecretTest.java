package org.openenvelope.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSecretTest {

    private static final String WELL_FORMED = "oe_" + "A".repeat(21) + "-_" + "z".repeat(20);

    @Test
    void generatedSecretsAreOePlusFortyThreeBase64UrlCharacters() {
        String secret = TokenSecret.generate().reveal();
        assertTrue(secret.matches("oe_[A-Za-z0-9_-]{43}"), secret);
        byte[] random = Base64.getUrlDecoder().decode(secret.substring(3));
        assertEquals(32, random.length, "256 random bits");
    }

    @Test
    void twoGeneratedSecretsDiffer() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            secrets.add(TokenSecret.generate().reveal());
        }
        assertEquals(100, secrets.size());
        assertNotEquals(TokenSecret.generate().hash(), TokenSecret.generate().hash());
    }

    @Test
    void hashIsTheHexSha256OfTheSecret() throws Exception {
        TokenSecret secret = TokenSecret.presented(WELL_FORMED).orElseThrow();
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(WELL_FORMED.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, secret.hash());
        assertEquals(64, secret.hash().length());
    }

    @Test
    void hashIsStableAndNeverTheSecret() {
        TokenSecret generated = TokenSecret.generate();
        TokenSecret presentedAgain = TokenSecret.presented(generated.reveal()).orElseThrow();
        assertEquals(generated.hash(), generated.hash());
        assertEquals(generated.hash(), presentedAgain.hash(), "a presented secret finds its stored digest");
        assertNotEquals(generated.reveal(), generated.hash());
        assertFalse(generated.hash().contains(generated.reveal().substring(3, 12)));
    }

    @Test
    void prefixIsTheFirstNineCharacters() {
        TokenSecret secret = TokenSecret.presented(WELL_FORMED).orElseThrow();
        assertEquals("oe_AAAAAA", secret.prefix());
        assertEquals(9, TokenSecret.generate().prefix().length());
        assertTrue(TokenSecret.generate().prefix().startsWith("oe_"));
    }

    @Test
    void toStringShowsOnlyThePrefix() {
        TokenSecret secret = TokenSecret.presented(WELL_FORMED).orElseThrow();
        assertEquals("oe_AAAAAA…", secret.toString());
        assertFalse(secret.toString().contains(WELL_FORMED));
    }

    @Test
    void acceptsWellFormedPresentedSecrets() {
        assertEquals(WELL_FORMED, TokenSecret.presented(WELL_FORMED).orElseThrow().reveal());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "oe_",
            "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",   // 42 characters
            "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 44 characters
            "OE_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",  // base64 (not url) alphabet
            "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",
            "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            " oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
            "Bearer oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void rejectsMalformedPresentedSecrets(String candidate) {
        assertTrue(TokenSecret.presented(candidate).isEmpty(), String.valueOf(candidate));
    }
}
