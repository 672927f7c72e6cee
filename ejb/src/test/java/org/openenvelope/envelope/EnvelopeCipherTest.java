package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.envelope.EnvelopeBinding.Addressee;
import org.openenvelope.envelope.EnvelopeBinding.Part;

class EnvelopeCipherTest {

    private static final byte[] KEY = EnvelopeCipher.newKey();
    private static final byte[] PLAINTEXT = ("From: alice@example.com\r\nTo: bob@example.net\r\nSubject: Q3\r\n\r\n"
            + "The figures, as promised. \u00e9\u00e8\u20ac\r\n").getBytes(StandardCharsets.UTF_8);
    private static final List<Addressee> RECIPIENTS = List.of(
            new Addressee(RecipientKind.TO, "bob@example.net"),
            new Addressee(RecipientKind.CC, "carol@example.org"),
            new Addressee(RecipientKind.BCC, "dave@example.com"));

    private static EnvelopeBinding binding() {
        return binding(RECIPIENTS);
    }

    private static EnvelopeBinding binding(List<Addressee> recipients) {
        return new EnvelopeBinding("e1a2b3c4d5", "12345674", "alice@example.com", recipients, EnvelopeCipher.KEY_VERSION);
    }

    private static byte[] sealed() {
        return EnvelopeCipher.encrypt(KEY, binding(), Part.MESSAGE, PLAINTEXT);
    }

    private static List<Addressee> replaced(int index, Addressee addressee) {
        List<Addressee> recipients = new ArrayList<>(RECIPIENTS);
        recipients.set(index, addressee);
        return recipients;
    }

    @Test
    void decryptsWhatItEncryptedForTheSameRecord() {
        byte[] ciphertext = sealed();
        assertEquals(EnvelopeCipher.HEADER_BYTES + PLAINTEXT.length + EnvelopeCipher.TAG_BYTES, ciphertext.length);
        assertEquals('O', ciphertext[0]);
        assertEquals('E', ciphertext[1]);
        assertEquals(EnvelopeCipher.KEY_VERSION, ciphertext[2]);
        assertFalse(new String(ciphertext, StandardCharsets.ISO_8859_1).contains("figures"), "encrypted, not encoded");
        assertArrayEquals(PLAINTEXT, EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE, ciphertext));
    }

    @Test
    void anEmptyMessageStillCarriesATag() {
        byte[] ciphertext = EnvelopeCipher.encrypt(KEY, binding(), Part.SUBJECT, new byte[0]);
        assertEquals(EnvelopeCipher.HEADER_BYTES + EnvelopeCipher.TAG_BYTES, ciphertext.length);
        assertArrayEquals(new byte[0], EnvelopeCipher.decrypt(KEY, binding(), Part.SUBJECT, ciphertext));
    }

    @Test
    void refusesAChangeToAnyByteOfHeaderNonceBodyOrTag() {
        byte[] ciphertext = sealed();
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            int index = i;
            assertThrows(EnvelopeTamperedException.class,
                    () -> EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE, tampered), "byte " + index);
        }
    }

    @Test
    void refusesATruncatedOrExtendedCiphertext() {
        byte[] ciphertext = sealed();
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE,
                Arrays.copyOf(ciphertext, ciphertext.length - 1)));
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE,
                Arrays.copyOf(ciphertext, ciphertext.length + 1)));
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE,
                Arrays.copyOf(ciphertext, EnvelopeCipher.HEADER_BYTES + EnvelopeCipher.TAG_BYTES - 1)));
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE,
                new byte[0]));
    }

    @Test
    void refusesTheCiphertextWithAnotherEnvelopesRecord() {
        byte[] ciphertext = sealed();
        Map<String, EnvelopeBinding> others = Map.of(
                "envelope id", new EnvelopeBinding("e1a2b3c4d6", "12345674", "alice@example.com", RECIPIENTS, 1),
                "account", new EnvelopeBinding("e1a2b3c4d5", "12345682", "alice@example.com", RECIPIENTS, 1),
                "sender", new EnvelopeBinding("e1a2b3c4d5", "12345674", "alicia@example.com", RECIPIENTS, 1),
                "a recipient's address", binding(replaced(1, new Addressee(RecipientKind.CC, "carol@example.net"))),
                "a recipient's kind", binding(replaced(1, new Addressee(RecipientKind.BCC, "carol@example.org"))),
                "a recipient fewer", binding(RECIPIENTS.subList(0, 2)),
                "a recipient more", binding(List.of(RECIPIENTS.get(0), RECIPIENTS.get(1), RECIPIENTS.get(2),
                        new Addressee(RecipientKind.BCC, "mallory@example.net"))),
                "key version", new EnvelopeBinding("e1a2b3c4d5", "12345674", "alice@example.com", RECIPIENTS, 2));
        others.forEach((what, other) -> assertThrows(EnvelopeTamperedException.class,
                () -> EnvelopeCipher.decrypt(KEY, other, Part.MESSAGE, ciphertext), "another " + what));
    }

    @Test
    void aSubjectDoesNotStandInForTheMessageNorTheOtherWayRound() {
        byte[] subject = EnvelopeCipher.encrypt(KEY, binding(), Part.SUBJECT, "Q3".getBytes(StandardCharsets.UTF_8));
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE, subject));
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(KEY, binding(), Part.SUBJECT, sealed()));
        assertArrayEquals("Q3".getBytes(StandardCharsets.UTF_8), EnvelopeCipher.decrypt(KEY, binding(), Part.SUBJECT, subject));
    }

    @Test
    void refusesAnotherKey() {
        byte[] ciphertext = sealed();
        byte[] other = KEY.clone();
        other[31] ^= (byte) 0x80;
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(other, binding(), Part.MESSAGE, ciphertext));
        assertThrows(EnvelopeTamperedException.class,
                () -> EnvelopeCipher.decrypt(EnvelopeCipher.newKey(), binding(), Part.MESSAGE, ciphertext));
        assertThrows(IllegalArgumentException.class,
                () -> EnvelopeCipher.decrypt(Arrays.copyOf(KEY, 16), binding(), Part.MESSAGE, ciphertext),
                "AES-128 is not an envelope key");
    }

    @Test
    void theOrderOfRecipientsAndTheCaseOfAddressesDoNotMatter() {
        byte[] ciphertext = sealed();
        EnvelopeBinding reordered = new EnvelopeBinding("e1a2b3c4d5", "12345674", " Alice@Example.COM", List.of(
                new Addressee(RecipientKind.BCC, "Dave@EXAMPLE.com"),
                new Addressee(RecipientKind.TO, "BOB@example.net "),
                new Addressee(RecipientKind.CC, "carol@Example.Org")), EnvelopeCipher.KEY_VERSION);
        assertArrayEquals(PLAINTEXT, EnvelopeCipher.decrypt(KEY, reordered, Part.MESSAGE, ciphertext));
        assertArrayEquals(binding().associatedData(Part.MESSAGE), reordered.associatedData(Part.MESSAGE));
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        byte[] first = sealed();
        byte[] second = sealed();
        assertFalse(Arrays.equals(first, second));
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 3, EnvelopeCipher.HEADER_BYTES),
                Arrays.copyOfRange(second, 3, EnvelopeCipher.HEADER_BYTES)), "the nonces differ");
        assertArrayEquals(EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE, first),
                EnvelopeCipher.decrypt(KEY, binding(), Part.MESSAGE, second));
    }

    @Test
    void everyKeyIsFreshAndTwoHundredFiftySixBits() {
        byte[] one = EnvelopeCipher.newKey();
        assertEquals(32, one.length);
        assertEquals(EnvelopeCipher.KEY_BYTES, one.length);
        assertNotEquals(Arrays.toString(one), Arrays.toString(EnvelopeCipher.newKey()));
    }

    @Test
    void encryptsOnlyUnderTheCurrentKeyVersion() {
        EnvelopeBinding future = new EnvelopeBinding("e1a2b3c4d5", "12345674", "alice@example.com", RECIPIENTS, 2);
        assertThrows(IllegalArgumentException.class, () -> EnvelopeCipher.encrypt(KEY, future, Part.MESSAGE, PLAINTEXT));
    }

    @Test
    void theAssociatedDataNamesNoRecipientSoABrowserLearnsOfNoBcc() {
        for (Part part : Part.values()) {
            String associated = new String(binding().associatedData(part), StandardCharsets.UTF_8);
            for (Addressee recipient : RECIPIENTS) {
                assertFalse(associated.contains(recipient.address()), recipient.address() + " in " + associated);
                String localPart = recipient.address().substring(0, recipient.address().indexOf('@'));
                assertFalse(associated.contains(localPart), localPart + " in " + associated);
            }
            assertFalse(associated.contains("BCC"), "no recipient kinds in clear: " + associated);
            assertTrue(associated.contains("envelope:e1a2b3c4d5"), associated);
            assertTrue(associated.contains("sender:alice@example.com"), associated);
        }
        assertNotEquals(new String(binding().associatedData(Part.MESSAGE), StandardCharsets.UTF_8),
                new String(binding().associatedData(Part.SUBJECT), StandardCharsets.UTF_8));
    }

    @Test
    void theBindingOfAStoredEnvelopeIsTheBindingItWasSealedWith() {
        Account account = new Account("12345674", "Example Ltd", Instant.parse("2025-01-15T09:30:00Z"));
        Envelope envelope = new Envelope("e1a2b3c4d5", account, "Alice@example.com",
                Instant.parse("2026-03-02T10:00:00Z"), null, EnvelopeCipher.KEY_VERSION, 1, "sealed", null);
        envelope.addRecipient("Carol@example.org", RecipientKind.CC);
        envelope.addRecipient("dave@example.com", RecipientKind.BCC);
        envelope.addRecipient("bob@example.net", RecipientKind.TO);
        assertArrayEquals(PLAINTEXT, EnvelopeCipher.decrypt(KEY, EnvelopeBinding.of(envelope), Part.MESSAGE, sealed()));
    }
}
