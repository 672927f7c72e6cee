package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.error.InvalidValueException;

class SecureReplyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static Envelope original() {
        Envelope envelope = new Envelope("e1a2b3c4", new Account("12345674", "Example Ltd", NOW), "alice@example.com", NOW,
                null, 1, 1234, "sealed-key", "encrypted-subject");
        envelope.addRecipient("bob@partner.example", RecipientKind.TO);
        envelope.addRecipient("carol@partner.example", RecipientKind.CC);
        envelope.addRecipient("dave@elsewhere.example", RecipientKind.BCC);
        return envelope;
    }

    private static SecureReply reply(ReplyKind kind, List<String> to) {
        return new SecureReply(kind, to, "Board pack", "Thanks", "<m1@client.example>", List.of(), null);
    }

    private static List<String> addressees(SecureReply reply, String replier) {
        return reply.addressees(original(), replier).stream().map(InternetAddress::getAddress).toList();
    }

    @Test
    void aReplyGoesToTheSenderReplyAllToEveryoneVisibleAndAForwardWhereItIsSent() {
        assertEquals(List.of("alice@example.com"), addressees(reply(ReplyKind.REPLY, List.of()), "bob@partner.example"));
        assertEquals(List.of("alice@example.com", "carol@partner.example"),
                addressees(reply(ReplyKind.REPLY_ALL, List.of()), "bob@partner.example"), "never the replier");
        assertEquals(List.of("alice@example.com", "bob@partner.example", "carol@partner.example"),
                addressees(reply(ReplyKind.REPLY_ALL, List.of()), "dave@elsewhere.example"), "never a Bcc recipient");
        assertEquals(List.of("erin@partner.example"), addressees(reply(ReplyKind.FORWARD, List.of(" Erin@Partner.example ")),
                "bob@partner.example"));
        assertEquals(List.of("alice@example.com"), addressees(reply(ReplyKind.REPLY, List.of("mallory@evil.example")),
                "bob@partner.example"), "a reply's addressees come from the record, not the browser");
        InvalidValueException invalid = assertThrows(InvalidValueException.class,
                () -> addressees(reply(ReplyKind.FORWARD, List.of("not an address")), "bob@partner.example"));
        assertEquals("to", invalid.field());
    }

    @Test
    void theSubjectIsPrefixedOnceAndTheMessageIsThreaded() {
        assertEquals("Re: Board pack", reply(ReplyKind.REPLY, List.of()).subjectLine());
        assertEquals("RE: Board pack", new SecureReply(ReplyKind.REPLY, null, "RE: Board pack", "x", null, null, null).subjectLine());
        assertEquals("Fwd: Board pack", reply(ReplyKind.FORWARD, List.of("e@x.example")).subjectLine());
        String mime = new String(reply(ReplyKind.REPLY, List.of()).mime("bob@partner.example",
                List.of(address("alice@example.com")), NOW), StandardCharsets.UTF_8);
        assertTrue(mime.contains("In-Reply-To: <m1@client.example>"), mime);
        assertTrue(mime.contains("From: bob@partner.example"), mime);
        String forged = new String(new SecureReply(ReplyKind.REPLY, null, "s", "t", "<a>\r\nBcc: x@evil.example", null, null)
                .mime("bob@partner.example", List.of(address("alice@example.com")), NOW), StandardCharsets.UTF_8);
        assertFalse(forged.contains("Bcc:"), "a Message-ID with a line break is dropped, not written");
    }

    @Test
    void aForwardCarriesTheOriginalAndFilesKeepTheirNamesWithoutPaths() {
        byte[] original = "From: alice@example.com\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        SecureReply forward = new SecureReply(ReplyKind.FORWARD, List.of("erin@partner.example"), "Board pack", null, null,
                List.of(new SecureReply.File("../../etc/passwd", "text/plain\r\nX: y", new byte[]{1, 2})), original);
        String mime = new String(forward.mime("bob@partner.example", List.of(address("erin@partner.example")), NOW),
                StandardCharsets.UTF_8);
        assertTrue(mime.contains("forwarded-message.eml"));
        assertTrue(mime.contains("Content-Type: message/rfc822"));
        assertTrue(mime.contains("filename=....etcpasswd"), mime);
        assertFalse(mime.contains("X: y"));
    }

    @Test
    void refusalsNameTheField() {
        assertEquals("kind", assertThrows(InvalidValueException.class, () -> reply(null, List.of())).field());
        assertEquals("text", assertThrows(InvalidValueException.class,
                () -> new SecureReply(ReplyKind.REPLY, null, "s", " ", null, null, null)).field());
        assertEquals("to", assertThrows(InvalidValueException.class, () -> reply(ReplyKind.FORWARD, List.of())).field());
        assertEquals("to", assertThrows(InvalidValueException.class, () -> reply(ReplyKind.FORWARD,
                java.util.Collections.nCopies(SecureReply.MAX_FORWARD_RECIPIENTS + 1, "e@x.example"))).field());
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
