package org.openenvelope.envelope;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * A decrypted message as the viewer shows it where the browser runs no JavaScript: its header fields, its text
 * (or its HTML reduced to safe formatting and links, no images, so nothing remote loads), and the names and sizes
 * of its attachments (display only: nothing is offered for download, nothing is kept).
 */
public record ServerReading(String subject, String from, String to, String cc, Instant date, String text,
                            String safeHtml, List<Attachment> attachments) {

    public record Attachment(String name, long bytes) {
    }

    private static final Safelist SAFE = Safelist.basic()
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    static ServerReading of(byte[] mime) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
            Parts parts = new Parts();
            parts.walk(message);
            return new ServerReading(message.getSubject(), addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(), parts.text,
                    parts.html == null ? null : Jsoup.clean(parts.html, SAFE), List.copyOf(parts.attachments));
        } catch (MessagingException | IOException e) {
            throw new EnvelopeTamperedException("the message inside cannot be read: " + e.getMessage());
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? null : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static final class Parts {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            String fileName = part.getFileName();
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
            if (attached && !part.isMimeType("multipart/*")) {
                attachments.add(new Attachment(fileName == null ? "attachment-" + (attachments.size() + 1) : fileName, size(part)));
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            }
        }

        private static long size(Part part) throws MessagingException, IOException {
            long bytes = 0;
            try (InputStream in = part.getInputStream()) {
                for (long skipped; (skipped = in.skip(65536)) > 0; ) {
                    bytes += skipped;
                }
            }
            return bytes;
        }
    }
}
