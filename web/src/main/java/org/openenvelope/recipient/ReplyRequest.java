package org.openenvelope.recipient;

import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.envelope.ReplyKind;
import org.openenvelope.envelope.SecureReply;
import org.openenvelope.error.InvalidValueException;

/** A Secure Reply, Reply All or Forward as the reading page sends it. */
@Schema(name = "SecureReply")
public record ReplyRequest(
        @Schema(description = "REPLY, REPLY_ALL or FORWARD") String kind,
        @Schema(description = "FORWARD only: the addresses to forward to") List<String> to,
        @Schema(description = "The original subject, as the browser decrypted it") String subject,
        @Schema(description = "The reply's text") String text,
        @Schema(description = "The original Message-ID, to keep the conversation together") String inReplyTo,
        List<File> files,
        @Schema(description = "FORWARD only: the original message (RFC 5322), base64") String original) {

    public record File(String name, String contentType, @Schema(description = "base64") String content) {
    }

    SecureReply reply() {
        ReplyKind replyKind;
        try {
            replyKind = kind == null ? null : ReplyKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("kind", "kind is \"" + kind + "\"; it must be REPLY, REPLY_ALL or FORWARD.");
        }
        List<SecureReply.File> attached = files == null ? List.of() : files.stream()
                .map(f -> new SecureReply.File(f.name(), f.contentType(), base64("files", f.content()))).toList();
        return new SecureReply(replyKind, to, subject, text, inReplyTo, attached,
                original == null ? null : base64("original", original));
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getMimeDecoder().decode(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "The content is not base64.");
        }
    }
}
