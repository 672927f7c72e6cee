package org.openenvelope.recipient;

import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.envelope.ReleasedKey;

/** The envelope's key for the viewer to decrypt with WebCrypto, with the record's own facts about it. */
@Schema(name = "ReleasedKey")
public record ReleasedKeyJson(String envelope, String sender, String account, String sentAt, int keyVersion,
                              @Schema(description = "The AES-256-GCM key, base64") String key,
                              @Schema(description = "Associated data of the message part, base64; the ciphertext's"
                                      + " 15-byte header follows it") String messageAad,
                              Part subject, List<Recipient> recipients, String signedInAs,
                              @Schema(description = "How the recipient may answer: REPLY, REPLY_ALL, FORWARD, as the"
                                      + " sender's account allows") List<String> replies) {

    public record Part(String ciphertext, String aad) {
    }

    public record Recipient(String address, String kind) {
    }

    static ReleasedKeyJson of(ReleasedKey released) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new ReleasedKeyJson(released.envelopeId(), released.sender(), released.accountName(),
                released.sentAt().toString(), released.keyVersion(), base64.encodeToString(released.key()),
                base64.encodeToString(released.messageAssociatedData()),
                released.encryptedSubject() == null ? null
                        : new Part(released.encryptedSubject(), base64.encodeToString(released.subjectAssociatedData())),
                released.recipients().stream().map(r -> new Recipient(r.address(), r.kind().name())).toList(),
                released.signedInAs(), released.replies().stream().map(Enum::name).toList());
    }
}
