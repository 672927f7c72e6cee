package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.envelope.EnvelopeBinding.Addressee;
import org.openenvelope.envelope.EnvelopeBinding.Part;

/** AES-256-GCM bound to the envelope's record: anything that does not match the record is refused, not shown. */
class EnvelopeCipherBindingTest {

    private static final byte[] MESSAGE = "Subject: numbers\r\n\r\nQuarterly numbers attached.\r\n".getBytes(StandardCharsets.UTF_8);
    private static final List<Addressee> RECIPIENTS = List.of(new Addressee(RecipientKind.TO, "reader@partner.example"),
            new Addressee(RecipientKind.CC, "copy@partner.example"), new Addressee(RecipientKind.BCC, "hidden@elsewhere.example"));
    private static final EnvelopeBinding BINDING = new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "12345674",
            "sender@example.com", RECIPIENTS, EnvelopeCipher.KEY_VERSION);

    private final byte[] key = EnvelopeCipher.newKey();
    private final byte[] ciphertext = EnvelopeCipher.encrypt(key, BINDING, Part.MESSAGE, MESSAGE);

    @Test
    void decryptsWithTheSameRecordWhateverTheOrderAndCaseOfItsRecipients() {
        EnvelopeBinding reordered = new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "12345674", "Sender@Example.com",
                List.of(RECIPIENTS.get(2), new Addressee(RecipientKind.TO, "READER@partner.example"), RECIPIENTS.get(1)), 1);

        assertArrayEquals(MESSAGE, EnvelopeCipher.decrypt(key, BINDING, Part.MESSAGE, ciphertext));
        assertArrayEquals(MESSAGE, EnvelopeCipher.decrypt(key, reordered, Part.MESSAGE, ciphertext));
        assertFalse(Arrays.equals(ciphertext, EnvelopeCipher.encrypt(key, BINDING, Part.MESSAGE, MESSAGE)), "a fresh nonce each time");
    }

    @Test
    void everyAlteredByteIsRefused() {
        for (int position : new int[]{0, 2, 5, EnvelopeCipher.HEADER_BYTES + 3, ciphertext.length - 1}) {
            byte[] altered = ciphertext.clone();
            altered[position] ^= 1;
            assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(key, BINDING, Part.MESSAGE, altered),
                    "byte " + position);
        }
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(key, BINDING, Part.MESSAGE,
                Arrays.copyOf(ciphertext, ciphertext.length - 1)), "a cut ciphertext");
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(EnvelopeCipher.newKey(), BINDING,
                Part.MESSAGE, ciphertext), "another key");
    }

    @Test
    void aCiphertextShownWithAnotherRecordIsRefused() {
        List<EnvelopeBinding> others = List.of(
                new EnvelopeBinding("ZZCdEfGhIjKlMnOpQrStUv", "12345674", "sender@example.com", RECIPIENTS, 1),
                new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "87654321", "sender@example.com", RECIPIENTS, 1),
                new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "12345674", "mallory@example.com", RECIPIENTS, 1),
                new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "12345674", "sender@example.com",
                        List.of(RECIPIENTS.get(0), RECIPIENTS.get(1), new Addressee(RecipientKind.BCC, "mallory@elsewhere.example")), 1),
                new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "12345674", "sender@example.com",
                        List.of(RECIPIENTS.get(0), new Addressee(RecipientKind.BCC, "copy@partner.example"), RECIPIENTS.get(2)), 1),
                new EnvelopeBinding("AbCdEfGhIjKlMnOpQrStUv", "12345674", "sender@example.com", RECIPIENTS, 2));
        for (EnvelopeBinding other : others) {
            assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(key, other, Part.MESSAGE, ciphertext),
                    other.toString());
        }
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(key, BINDING, Part.SUBJECT, ciphertext),
                "the message does not pass for the subject");
    }

    @Test
    void theAssociatedDataABrowserIsGivenNamesNoRecipient() {
        String associated = new String(BINDING.associatedData(Part.MESSAGE), StandardCharsets.UTF_8);
        for (Addressee recipient : RECIPIENTS) {
            assertFalse(associated.contains(recipient.address()), associated);
        }
    }
}
