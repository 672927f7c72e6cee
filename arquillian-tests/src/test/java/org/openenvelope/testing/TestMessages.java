package org.openenvelope.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Messages as a mail client or gateway hands them over (RFC 5322, CRLF): text and HTML bodies, an attachment, and
 * unique marker words that tests look for where the content must never appear (the database, the server log).
 */
public final class TestMessages {

    private TestMessages() {
    }

    /** A message with a plain and an HTML body and a binary attachment, the marker in subject, bodies and file. */
    public static byte[] multipart(String from, String to, String cc, String bcc, String marker, byte[] attachment) {
        String boundary = "=_boundary_" + marker;
        StringBuilder mime = new StringBuilder()
                .append("From: Sender <").append(from).append(">\r\n")
                .append("To: ").append(to).append("\r\n");
        if (cc != null) {
            mime.append("Cc: ").append(cc).append("\r\n");
        }
        if (bcc != null) {
            mime.append("Bcc: ").append(bcc).append("\r\n");
        }
        mime.append("Subject: Board pack ").append(marker).append("\r\n")
                .append("Date: Thu, 03 Dec 2026 14:00:00 +0000\r\n")
                .append("Message-ID: <").append(marker).append("@client.example>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: multipart/alternative; boundary=\"alt").append(boundary).append("\"\r\n\r\n")
                .append("--alt").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append("Quarterly numbers ").append(marker).append(" attached.\r\n\r\n")
                .append("--alt").append(boundary).append("\r\n")
                .append("Content-Type: text/html; charset=UTF-8\r\n\r\n")
                .append("<p>Quarterly numbers <b>").append(marker).append("</b> attached.</p>\r\n\r\n")
                .append("--alt").append(boundary).append("--\r\n\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: application/octet-stream; name=\"numbers-").append(marker).append(".bin\"\r\n")
                .append("Content-Disposition: attachment; filename=\"numbers-").append(marker).append(".bin\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(attachment)).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return mime.toString().getBytes(StandardCharsets.UTF_8);
    }
}
