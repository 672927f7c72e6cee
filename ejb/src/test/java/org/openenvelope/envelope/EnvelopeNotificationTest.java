package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The notification that carries the securedoc attachment to every recipient. */
class EnvelopeNotificationTest {

    private static final Instant SEALED = Instant.parse("2026-12-03T14:42:00Z");
    private static final String BASE = "https://envelope.example.com:8443";

    @Test
    void theNotificationNamesNoBccRecipientAndCarriesTheAttachmentUnencoded() throws Exception {
        PlainMessage message = PlainMessage.parse(("From: Sender <sender@example.com>\r\nTo: reader@partner.example\r\n"
                + "Cc: copy@partner.example\r\nBcc: hidden@elsewhere.example\r\nSubject: Numbers\r\n"
                + "In-Reply-To: <earlier@client.example>\r\n\r\nQuarterly numbers.\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] attachment = SecuredocAttachment.render("AbCdEfGhIjKlMnOpQrStUv", new byte[64], BASE, message.sender(),
                "Contoso", SEALED);
        byte[] written = EnvelopeNotification.bytes(EnvelopeNotification.compose(message, "AbCdEfGhIjKlMnOpQrStUv",
                "Contoso", BASE, SecuredocAttachment.fileName(SEALED), attachment, SEALED));

        String raw = new String(written, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("hidden@elsewhere.example"));
        assertFalse(raw.contains("Quarterly numbers"), "the message itself is not in the notification");
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(written));
        assertEquals("Sender <sender@example.com>", mail.getHeader("From", ","));
        assertEquals("reader@partner.example", mail.getHeader("To", ","));
        assertEquals("copy@partner.example", mail.getHeader("Cc", ","));
        assertEquals(null, mail.getHeader("Bcc"));
        assertEquals("Numbers", mail.getSubject());
        assertEquals("<earlier@client.example>", mail.getHeader("In-Reply-To", ","));
        assertEquals("AbCdEfGhIjKlMnOpQrStUv", mail.getHeader(EnvelopeNotification.ENVELOPE_HEADER, ","));
        Multipart mixed = (Multipart) mail.getContent();
        assertEquals(2, mixed.getCount());
        Multipart note = (Multipart) mixed.getBodyPart(0).getContent();
        assertTrue(note.getContentType().startsWith("multipart/alternative"));
        for (int i = 0; i < note.getCount(); i++) {
            String text = (String) note.getBodyPart(i).getContent();
            assertTrue(text.contains("securedoc_20261203T144200.html") && text.contains("envelope.example.com"), text);
        }
        BodyPart file = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, file.getDisposition());
        assertEquals("securedoc_20261203T144200.html", file.getFileName());
        assertEquals("7bit", file.getHeader("Content-Transfer-Encoding")[0]);
        assertArrayEquals(attachment, file.getInputStream().readAllBytes());
    }
}
