package org.openenvelope.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What an envelope's ciphertext is bound to as AES-GCM associated data: its ID, account, sender, recipients and
 * key version, as the service records them. A ciphertext shown with another envelope's record (a swapped
 * attachment, a changed recipient list, another key version) fails its tag and is refused rather than shown.
 * The recipients enter as a digest, so the associated data handed to a recipient's browser names no Bcc.
 */
public record EnvelopeBinding(String envelopeId, String accountNumber, String sender, List<Addressee> recipients,
                              int keyVersion) {

    /** One recipient as the record keeps it. */
    public record Addressee(RecipientKind kind, String address) {
    }

    /** Which part of the envelope a ciphertext is: the message and its subject never stand in for each other. */
    public enum Part { MESSAGE, SUBJECT }

    public EnvelopeBinding {
        recipients = List.copyOf(recipients);
    }

    /** The binding of a stored envelope. */
    public static EnvelopeBinding of(Envelope envelope) {
        return new EnvelopeBinding(envelope.getPublicId(), envelope.getAccount().getNumber(), envelope.getSender(),
                envelope.getRecipients().stream().map(r -> new Addressee(r.getKind(), r.getAddress())).toList(),
                envelope.getKeyVersion());
    }

    /** The associated data of one part. */
    public byte[] associatedData(Part part) {
        return ("openenvelope envelope\nkey-version:" + keyVersion + "\npart:" + part.name().toLowerCase(Locale.ROOT)
                + "\nenvelope:" + envelopeId + "\naccount:" + accountNumber + "\nsender:" + Envelope.normalized(sender)
                + "\nrecipients:" + recipientsDigest() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private String recipientsDigest() {
        StringBuilder canonical = new StringBuilder();
        recipients.stream().sorted(Comparator.comparing((Addressee a) -> Envelope.normalized(a.address()))
                        .thenComparing(Addressee::kind))
                .forEach(a -> canonical.append(a.kind().name()).append(':').append(Envelope.normalized(a.address())).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
