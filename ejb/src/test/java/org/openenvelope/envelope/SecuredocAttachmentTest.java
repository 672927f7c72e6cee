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
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The securedoc attachment and the notification that carries it. */
class SecuredocAttachmentTest {

    private static final Instant SEALED = Instant.parse("2026-12-03T14:42:00Z");
    private static final String BASE = "https://envelope.example.com:8443";

    private static String group(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), regex);
        return matcher.group(1);
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isOneSelfContainedAsciiFileWhosePolicyAllowsOnlyItsOwnScriptAndStyle() throws Exception {
        byte[] ciphertext = new byte[5000];
        new Random(1).nextBytes(ciphertext);
        String html = new String(SecuredocAttachment.render("AbCdEfGhIjKlMnOpQrStUv", ciphertext, BASE,
                "Zoë <script>alert(1)</script> & \"co\"", "Contoso & Partners", SEALED), StandardCharsets.US_ASCII);

        assertEquals("securedoc_20261203T144200.html", SecuredocAttachment.fileName(SEALED));
        assertTrue(html.chars().allMatch(c -> c < 128), "ASCII only");
        assertTrue(html.lines().allMatch(line -> line.length() <= 998), "short lines: mail carries it as 7bit");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "nothing loaded from anywhere");
        assertFalse(html.contains("<link") || html.contains("<img") || html.contains("<iframe"));
        assertFalse(html.toLowerCase().contains("type=\"password\""), "the file never asks for a password");
        String policy = group(html, "Content-Security-Policy\" content=\"([^\"]+)\"");
        assertTrue(policy.startsWith("default-src 'none'; "), policy);
        assertTrue(policy.contains("script-src '" + sha256(group(html, "<script>(.*?)</script>")) + "'"), policy);
        assertTrue(policy.contains("style-src '" + sha256(group(html, "<style>(.*?)</style>")) + "'"), policy);
        assertTrue(policy.contains("form-action " + BASE), policy);
        assertEquals(BASE + "/envelope/open", group(html, "<form id=\"open\" method=\"post\" action=\"([^\"]+)\""));
        assertEquals(BASE, group(html, "data-origin=\"([^\"]+)\""));
        assertEquals("AbCdEfGhIjKlMnOpQrStUv", group(html, "name=\"envelope\" value=\"([^\"]+)\""));
        assertArrayEquals(ciphertext, Base64.getDecoder().decode(
                group(html, "name=\"ciphertext\" value=\"([^\"]+)\"").replaceAll("\\s", "")));
        assertFalse(html.contains("<script>alert"), "names are escaped");
        assertTrue(html.contains("Zo&#xeb; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"), html);
        assertTrue(html.contains("Contoso &amp; Partners"));
    }

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
