package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerReadingTest {

    private static byte[] mime(String body) {
        return ("From: Alice <alice@example.com>\r\nTo: bob@partner.example\r\nCc: carol@partner.example\r\n"
                + "Subject: =?UTF-8?Q?Caf=C3=A9_plans?=\r\nDate: Thu, 03 Dec 2026 14:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTextPartAndTheAttachmentsNamesAndSizesAreShown() {
        ServerReading reading = ServerReading.of(mime("Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\n"
                + "Plain words\r\n--a\r\nContent-Type: text/html\r\n\r\n<p>HTML words</p>\r\n--a--\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=plan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQF\r\n--b--\r\n"));
        assertEquals("Café plans", reading.subject());
        assertEquals("Alice <alice@example.com>", reading.from());
        assertEquals("carol@partner.example", reading.cc());
        assertTrue(reading.text().startsWith("Plain words"));
        assertEquals(List.of(new ServerReading.Attachment("plan.pdf", 6)), reading.attachments());
    }

    @Test
    void htmlAloneIsReducedToSafeFormattingAndLinksWithNothingThatRunsOrLoads() {
        ServerReading reading = ServerReading.of(mime("Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p onclick=\"x()\">Hello <b>Bob</b> <a href=\"https://example.com/a\">link</a>"
                + "<a href=\"javascript:alert(1)\">bad</a></p><img src=\"https://tracker.example/p.png\">"
                + "<script>alert(1)</script><style>body{background:url(https://tracker.example/b)}</style>"
                + "<form action=\"https://evil.example\"><input name=p></form>"));
        assertNull(reading.text());
        String html = reading.safeHtml();
        assertTrue(html.contains("<b>Bob</b>"), html);
        assertTrue(html.contains("href=\"https://example.com/a\""), html);
        assertTrue(html.contains("rel=\"noopener noreferrer nofollow\""), html);
        for (String gone : List.of("onclick", "javascript:", "<img", "tracker.example", "<script", "<style", "<form", "<input")) {
            assertFalse(html.contains(gone), gone + " in " + html);
        }
    }
}
