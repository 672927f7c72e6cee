package org.openenvelope.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import org.jsoup.Jsoup;

/** Reading what the service sends recipients: the notification, its securedoc attachment, the ciphertext in it. */
public final class SealedMessages {

    private SealedMessages() {
    }

    public static MimeMessage mime(byte[] bytes) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The securedoc attachment of a notification. */
    public static Part securedoc(MimeMessage message) {
        try {
            Multipart mixed = (Multipart) message.getContent();
            for (int i = 0; i < mixed.getCount(); i++) {
                BodyPart part = mixed.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    if (!part.getFileName().matches("securedoc_\\d{8}T\\d{6}\\.html")) {
                        throw new AssertionError("attachment named " + part.getFileName());
                    }
                    return part;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no securedoc attachment");
    }

    public static byte[] securedocBytes(MimeMessage message) {
        try (InputStream in = securedoc(message).getInputStream()) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The envelope's ciphertext as the attachment carries it. */
    public static byte[] ciphertext(MimeMessage message) {
        String html = new String(securedocBytes(message), StandardCharsets.UTF_8);
        return Base64.getMimeDecoder().decode(Jsoup.parse(html).selectFirst("[name=ciphertext]").val());
    }

    public static String envelopeId(MimeMessage message) {
        try {
            return message.getHeader("X-OpenEnvelope-Envelope", ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
