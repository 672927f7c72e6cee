package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openenvelope.template.TemplateLanguage;
import org.openenvelope.template.Wordings;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.Colour;
import org.openenvelope.branding.Logo;

/** The notification written as bytes and read back as any mail client would (jakarta.mail). */
class EnvelopeNotificationTest {

    private static final Instant SEALED = Instant.parse("2026-12-03T14:42:00Z");
    private static final String BASE = "https://envelope.example.com:8443/oe";
    private static final String ID = "AbCdEfGhIjKlMnOpQrStUv";
    private static final String FILE = "securedoc_20261203T144200.html";
    private static final String SUBJECT = "Zahlen f\u00fcr Q3 \u2013 \u00dcbersicht";
    private static final List<String> HIDDEN = List.of("dave@example.com", "frank@example.com", "Frank Hidden",
            "grace@example.com");
    /** A long thread, as Outlook writes its message IDs. */
    private static final List<String> REFERENCES = IntStream.range(0, 30)
            .mapToObj(i -> "<AM0PR07MB" + i + "ABCDEF0123456789@AM0PR07MB1234.eurprd07.prod.outlook.com>").toList();

    private static byte[] original() {
        return ("From: \"Alice Example\" <Alice@Example.COM>\r\n"
                + "To: Bob <bob@example.net>, \"Erin, Sales\" <erin@example.net>\r\n"
                + "Bcc: dave@example.com,\r\n Frank Hidden <frank@example.com>\r\n"
                + "Cc: carol@example.org\r\n"
                + "bcc: grace@example.com\r\n"
                + "Subject: =?UTF-8?B?WmFobGVuIGbDvHIgUTMg?=\r\n =?UTF-8?Q?=E2=80=93_=C3=9Cbersicht?=\r\n"
                + "Message-ID: <b1c2d3@client.example.com>\r\n"
                + "In-Reply-To: <a0b1c2@client.example.net>\r\n"
                + "References: " + String.join("\r\n ", REFERENCES) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "The secret figures of the quarter.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] attachment(int ciphertextBytes) {
        byte[] ciphertext = new byte[ciphertextBytes];
        new Random(7).nextBytes(ciphertext);
        return SecuredocAttachment.render(ID, ciphertext, BASE, "alice@example.com", Brand.standard("Example Ltd"),
                SEALED);
    }

    private static byte[] written(PlainMessage message, String accountName, byte[] attachment) {
        String file = SecuredocAttachment.fileName(SEALED);
        return EnvelopeNotification.bytes(EnvelopeNotification.compose(message, ID, Wordings.render(
                Wordings.standard(TemplateLanguage.EN), TemplateLanguage.EN, EnvelopeNotification.values(message, ID,
                        accountName, BASE, file, null), Brand.standard(accountName)), file, attachment, SEALED));
    }

    private static MimeMessage read(byte[] written) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(written));
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(a -> ((InternetAddress) a).toUnicodeString())
                .toList();
    }

    /** Every header field of the message and of each of its parts, at any depth. */
    private static List<Header> allHeaders(Part part) throws Exception {
        List<Header> headers = new ArrayList<>(Collections.list(part.getAllHeaders()));
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                headers.addAll(allHeaders(multipart.getBodyPart(i)));
            }
        }
        return headers;
    }

    @Test
    void isFromToAndCopiedToWhomTheOriginalIsWithItsSubject() throws Exception {
        PlainMessage message = PlainMessage.parse(original());
        MimeMessage mail = read(written(message, "Example Ltd", attachment(500)));

        assertEquals(List.of("Alice Example <Alice@Example.COM>"), addresses(mail.getFrom()));
        assertEquals(List.of("Bob <bob@example.net>", "\"Erin, Sales\" <erin@example.net>"),
                addresses(mail.getRecipients(Message.RecipientType.TO)));
        assertEquals(List.of("carol@example.org"), addresses(mail.getRecipients(Message.RecipientType.CC)));
        assertEquals(SUBJECT, mail.getSubject(), "the decoded subject, encoded again");
        assertEquals(Date.from(SEALED), mail.getSentDate());
        assertEquals(ID, mail.getHeader(EnvelopeNotification.ENVELOPE_HEADER, null));
        assertNotNull(mail.getMessageID());
        assertNotEquals("<b1c2d3@client.example.com>", mail.getMessageID(), "a message of its own");
    }

    @Test
    void staysInTheConversationsThread() throws Exception {
        MimeMessage mail = read(written(PlainMessage.parse(original()), "Example Ltd", attachment(500)));
        assertEquals("<a0b1c2@client.example.net>", mail.getHeader("In-Reply-To", null));
        assertEquals(String.join(" ", REFERENCES), MimeUtility.unfold(mail.getHeader("References", null)).strip());
    }

    @Test
    void everyLineIsWithinTheLimitOfMailEvenWithALongThreadAndALargeAttachment() {
        byte[] written = written(PlainMessage.parse(original()), "Example Ltd", attachment(300_000));
        String text = new String(written, StandardCharsets.ISO_8859_1);
        int longest = text.lines().mapToInt(String::length).max().orElseThrow();
        assertTrue(longest <= 998, "RFC 5322 allows 998 characters a line; the longest has " + longest);
        for (int i = 0; i < written.length; i++) {
            assertTrue(written[i] >= 0, "7bit: byte " + i);
        }
    }

    @Test
    void namesNoBccRecipientInAnyHeaderOrPart() throws Exception {
        byte[] written = written(PlainMessage.parse(original()), "Example Ltd", attachment(500));
        MimeMessage mail = read(written);

        assertNull(mail.getHeader("Bcc"));
        assertNull(mail.getRecipients(Message.RecipientType.BCC));
        for (Header header : allHeaders(mail)) {
            assertFalse(header.getName().toLowerCase(Locale.ROOT).contains("bcc"), header.getName());
        }
        String raw = new String(written, StandardCharsets.ISO_8859_1);
        for (String hidden : HIDDEN) {
            assertFalse(raw.contains(hidden), hidden + " must not be named to anyone");
        }
        assertFalse(raw.contains("secret figures"), "the message itself travels only encrypted");
    }

    @Test
    void aMessageToBccRecipientsOnlyNamesNone() throws Exception {
        PlainMessage message = PlainMessage.parse(("From: alice@example.com\r\nTo: undisclosed-recipients:;\r\n"
                + "Bcc: dave@example.com, grace@example.com\r\nSubject: Hi\r\n\r\nHello.\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] written = written(message, "Example Ltd", attachment(100));
        String raw = new String(written, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("dave@example.com") || raw.contains("grace@example.com"), raw);
        MimeMessage mail = read(written);
        assertNull(mail.getHeader("Bcc"));
        assertEquals(List.of("alice@example.com"), addresses(mail.getFrom()));
    }

    @Test
    void isANoteInTextAndHtmlWithTheAttachment() throws Exception {
        MimeMessage mail = read(written(PlainMessage.parse(original()), "Example Ltd", attachment(500)));

        assertTrue(mail.isMimeType("multipart/mixed"), mail.getContentType());
        Multipart mixed = (Multipart) mail.getContent();
        assertEquals(2, mixed.getCount());
        BodyPart note = mixed.getBodyPart(0);
        assertTrue(note.isMimeType("multipart/alternative"), note.getContentType());
        Multipart alternative = (Multipart) note.getContent();
        assertEquals(2, alternative.getCount());
        BodyPart plain = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertTrue(plain.isMimeType("text/plain"), plain.getContentType());
        assertTrue(html.isMimeType("text/html"), "the richer alternative last: " + html.getContentType());
        for (BodyPart part : List.of(plain, html)) {
            String text = (String) part.getContent();
            assertTrue(text.contains(FILE), "names the file to open: " + text);
            assertTrue(text.contains("envelope.example.com"), "names where it opens: " + text);
            assertTrue(text.contains("Alice Example") && text.contains("Example Ltd"), text);
            assertTrue(text.contains("never asks for a password"), text);
            assertFalse(text.contains("secret figures"));
        }
    }

    @Test
    void aPngLogoRidesInlineBesideTheNoteItIllustrates() throws Exception {
        PlainMessage message = PlainMessage.parse(original());
        Brand brand = new Brand("Example Ltd", Colour.parse("#7a1f3d"), Colour.parse("#ffffff"),
                new Logo(Logo.PNG, new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "ab".repeat(32)));
        String file = SecuredocAttachment.fileName(SEALED);
        MimeMessage mail = read(EnvelopeNotification.bytes(EnvelopeNotification.compose(message, ID, Wordings.render(
                Wordings.standard(TemplateLanguage.EN), TemplateLanguage.EN, EnvelopeNotification.values(message, ID,
                        brand.displayName(), BASE, file, null), brand), file, attachment(50), SEALED)));
        Multipart mixed = (Multipart) mail.getContent();
        assertEquals(2, mixed.getCount(), "the note and the securedoc file, as without a logo");
        BodyPart note = mixed.getBodyPart(0);
        assertTrue(note.isMimeType("multipart/related"), note.getContentType());
        Multipart related = (Multipart) note.getContent();
        assertTrue(related.getBodyPart(0).isMimeType("multipart/alternative"), "the note comes first");
        jakarta.mail.internet.MimeBodyPart logo = (jakarta.mail.internet.MimeBodyPart) related.getBodyPart(1);
        assertTrue(logo.isMimeType("image/png"), logo.getContentType());
        assertEquals("<logo@openenvelope>", logo.getContentID());
        assertEquals(jakarta.mail.Part.INLINE, logo.getDisposition());
        assertTrue(((String) ((Multipart) related.getBodyPart(0).getContent()).getBodyPart(1).getContent())
                .contains("cid:logo@openenvelope"));
    }

    @Test
    void theHtmlNoteShowsNamesAsTextNotMarkup() throws Exception {
        PlainMessage message = PlainMessage.parse(("From: \"<img src=x> Alice\" <alice@example.com>\r\n"
                + "To: bob@example.net\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8));
        MimeMessage mail = read(written(message, "Smith & <b>Partners</b>", attachment(100)));
        Multipart alternative = (Multipart) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        String plain = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();

        assertTrue(plain.contains("Smith & <b>Partners</b>"), plain);
        assertTrue(html.contains("Smith &amp; &lt;b&gt;Partners&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>Partners"), html);
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void carriesTheSecuredocFileUnencodedAndUnchanged() throws Exception {
        byte[] attachment = attachment(20_000);
        MimeMessage mail = read(written(PlainMessage.parse(original()), "Example Ltd", attachment));
        BodyPart file = ((Multipart) mail.getContent()).getBodyPart(1);

        assertEquals(Part.ATTACHMENT, file.getDisposition());
        assertEquals(FILE, file.getFileName());
        assertTrue(file.isMimeType("text/html"), file.getContentType());
        assertEquals(List.of("7bit"), Arrays.asList(file.getHeader("Content-Transfer-Encoding")));
        assertArrayEquals(attachment, file.getInputStream().readAllBytes());
        String recipients = Arrays.stream(mail.getAllRecipients()).map(Address::toString).collect(Collectors.joining());
        assertFalse(recipients.contains("dave@"), recipients);
    }
}
