package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openenvelope.branding.Brand;
import org.openenvelope.envelope.EnvelopeNotification;
import org.openenvelope.envelope.EnvelopeView;
import org.openenvelope.envelope.PlainMessage;
import org.openenvelope.envelope.SealedEnvelope;
import org.openenvelope.template.TemplateLanguage;
import org.openenvelope.template.Wordings;

class GraphNotificationTest {

    private static final Instant SEALED = Instant.parse("2026-12-01T09:00:00Z");
    private static final byte[] SECUREDOC = "<!DOCTYPE html><html>sealed</html>".getBytes(StandardCharsets.US_ASCII);

    private static SealedEnvelope sealed() throws Exception {
        PlainMessage message = PlainMessage.parse(("From: Alice <alice@contoso.example>\r\nTo: bob@partner.example\r\n"
                + "Cc: carol@partner.example\r\nBcc: dave@partner.example\r\nSubject: Figures\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String file = "securedoc_20261201T090000.html";
        MimeMessage notification = EnvelopeNotification.compose(message, "env1", Wordings.render(Wordings.standard(
                TemplateLanguage.EN), TemplateLanguage.EN, EnvelopeNotification.values(message, "env1", "Contoso",
                "https://envelope.example", file, null), Brand.standard("Contoso")), file, SECUREDOC, SEALED);
        EnvelopeView view = new EnvelopeView("env1", "12345674", "alice@contoso.example", SEALED, null, "active", null,
                null, SECUREDOC.length, List.of());
        return new SealedEnvelope(view, notification, List.of(new InternetAddress("bob@partner.example"),
                new InternetAddress("carol@partner.example"), new InternetAddress("dave@partner.example")));
    }

    private static MimeMessage parse(byte[] mime) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
    }

    @Test
    void namesTheBccRecipientsForExchangeWhichTheMailTransportDeliversWithoutAHeader() throws Exception {
        SealedEnvelope sealed = sealed();
        assertNull(sealed.notification().getRecipients(Message.RecipientType.BCC));
        MimeMessage whole = parse(GraphNotification.of(sealed).whole());
        assertEquals("dave@partner.example", whole.getRecipients(Message.RecipientType.BCC)[0].toString());
        assertEquals("bob@partner.example", whole.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("carol@partner.example", whole.getRecipients(Message.RecipientType.CC)[0].toString());
        assertEquals("env1", whole.getHeader(EnvelopeNotification.ENVELOPE_HEADER, null));
        assertEquals(2, ((MimeMultipart) whole.getContent()).getCount());
    }

    @Test
    void splitsTheNoteFromTheAttachmentForAnUploadSession() throws Exception {
        GraphNotification notification = GraphNotification.of(sealed());
        MimeMessage note = parse(notification.withoutAttachment());
        MimeMultipart parts = (MimeMultipart) note.getContent();
        assertEquals(1, parts.getCount());
        assertEquals(null, parts.getBodyPart(0).getFileName(), "the note, not the file");
        assertEquals("env1", note.getHeader(EnvelopeNotification.ENVELOPE_HEADER, null));
        assertEquals("dave@partner.example", note.getRecipients(Message.RecipientType.BCC)[0].toString());
        assertEquals("securedoc_20261201T090000.html", notification.attachmentName());
        assertArrayEquals(SECUREDOC, notification.attachment());
    }
}
