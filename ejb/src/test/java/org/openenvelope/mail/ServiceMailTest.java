package org.openenvelope.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceMailTest {

    private static final ServiceMessage MESSAGE = new ServiceMessage("bob@partner.example", "Your code <now>",
            List.of("From <alice@example.com> & co."), "1234 5678",
            new ServiceMessage.Link("Choose \"it\"", "https://envelope.example.com/envelope/password?token=a&b=<c>"));

    @Test
    void textAndHtmlSayTheSameAndTheHtmlEscapesEverything() throws Exception {
        MimeMessage mail = ServiceMail.compose(MESSAGE, new InternetAddress("no-reply@envelope.example.com"),
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("Your code <now>", mail.getSubject());
        Multipart alternative = (Multipart) mail.getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertTrue(text.contains("From <alice@example.com> & co."));
        assertTrue(text.contains("1234 5678"));
        assertTrue(text.contains("https://envelope.example.com/envelope/password?token=a&b=<c>"));
        assertTrue(html.contains("From &lt;alice@example.com&gt; &amp; co."));
        assertTrue(html.contains("href=\"https://envelope.example.com/envelope/password?token=a&amp;b=&lt;c&gt;\""));
        assertTrue(html.contains("Choose &quot;it&quot;"));
        assertFalse(html.contains("<alice"));
    }

    @Test
    void fromIsNoReplyAtTheServicesHostUnlessConfigured() throws Exception {
        ServiceMail mail = new ServiceMail();
        mail.from = Optional.empty();
        assertEquals("no-reply@envelope.example.com", mail.sender("https://envelope.example.com/base").getAddress());
        assertEquals(ServiceMail.DISPLAY_NAME, mail.sender("https://envelope.example.com").getPersonal());
        mail.from = Optional.of("Secure Mail <secure@example.com>");
        assertEquals("secure@example.com", mail.sender("https://envelope.example.com").getAddress());
    }
}
