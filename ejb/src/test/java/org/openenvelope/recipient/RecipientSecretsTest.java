package org.openenvelope.recipient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openenvelope.mail.ServiceMessage;

class RecipientSecretsTest {

    @Test
    void codesAreEightRandomDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = RecipientSecrets.newCode();
            assertTrue(code.matches("\\d{8}"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 195, "codes repeat far too often: " + seen.size());
    }

    @Test
    void aCodesDigestBindsItToItsAddress() {
        assertEquals(RecipientSecrets.codeDigest("bob@partner.example", "12345678"),
                RecipientSecrets.codeDigest("bob@partner.example", "12345678"));
        assertNotEquals(RecipientSecrets.codeDigest("bob@partner.example", "12345678"),
                RecipientSecrets.codeDigest("eve@partner.example", "12345678"));
        assertEquals("12345678", RecipientSecrets.typedCode(" 1234 5678 "));
        assertEquals("12345678", RecipientSecrets.typedCode("1234-5678"));
        assertEquals("", RecipientSecrets.typedCode(null));
    }

    @Test
    void linkTokensAre256BitsAndOnlyTheirDigestIsKept() {
        String token = RecipientSecrets.newToken();
        assertTrue(token.matches("[0-9a-f]{64}"));
        assertNotEquals(token, RecipientSecrets.tokenDigest(token));
        assertNotEquals(token, RecipientSecrets.newToken());
    }

    @Test
    void theMailsSayWhoSentTheEnvelopeAndCarryTheCodeOrTheLinkOnly() {
        ServiceMessage code = RecipientMails.code("bob@partner.example", "12345678", "alice@example.com", "Example Ltd");
        assertEquals("1234 5678", code.code());
        assertTrue(String.join(" ", code.paragraphs()).contains("alice@example.com"));
        assertTrue(String.join(" ", code.paragraphs()).contains("15 minutes"));
        ServiceMessage registration = RecipientMails.registration("bob@partner.example", "ab".repeat(32), "alice@example.com",
                "https://envelope.example.com");
        assertEquals("https://envelope.example.com/envelope/password?token=" + "ab".repeat(32), registration.link().url());
        ServiceMessage already = RecipientMails.alreadyRegistered("bob@partner.example", "https://envelope.example.com");
        assertEquals(null, already.link(), "no link: nothing is to be done");
    }
}
