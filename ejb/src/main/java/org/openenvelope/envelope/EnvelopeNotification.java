package org.openenvelope.envelope;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The message recipients receive instead of the sender's: a short note from the account saying what to do, and
 * the securedoc attachment. Its From, To, Cc and Subject are the sender's (Bcc recipients get it without being
 * named); In-Reply-To and References keep it in the conversation. The texts live here only, until accounts get
 * their own templates.
 */
public final class EnvelopeNotification {

    /** The header that names the envelope, for gateways and for Secure Reply. */
    public static final String ENVELOPE_HEADER = "X-OpenEnvelope-Envelope";

    private EnvelopeNotification() {
    }

    public static MimeMessage compose(PlainMessage message, String envelopeId, String accountName, String baseUrl,
                                      String fileName, byte[] attachment, Instant sealedAt) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(message.from());
            mail.setRecipients(Message.RecipientType.TO, message.addressed(RecipientKind.TO).toArray(InternetAddress[]::new));
            List<InternetAddress> cc = message.addressed(RecipientKind.CC);
            if (!cc.isEmpty()) {
                mail.setRecipients(Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
            }
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(sealedAt));
            mail.setHeader(ENVELOPE_HEADER, envelopeId);
            message.threadingFields().forEach((name, value) -> {
                try {
                    // unfolded when parsed; a long References would otherwise pass the 998-character line limit
                    mail.setHeader(name, MimeUtility.fold(name.length() + 2, value));
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });

            String sender = sender(message.from());
            String host = URI.create(baseUrl).getHost();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(plainText(sender, accountName, fileName, host), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(sender, accountName, fileName, host), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            MimeBodyPart note = new MimeBodyPart();
            note.setContent(alternative);

            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "text/html; charset=us-ascii")));
            file.setFileName(fileName);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            file.setHeader("Content-Transfer-Encoding", "7bit");

            mail.setContent(new MimeMultipart("mixed", note, file));
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException("The notification could not be composed", e);
        }
    }

    /** The message as bytes (RFC 5322), for the API's answer and for the outbox. */
    public static byte[] bytes(MimeMessage mail) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("The notification could not be written", e);
        }
    }

    private static String sender(InternetAddress from) {
        return from.getPersonal() == null || from.getPersonal().isBlank()
                ? from.getAddress() : from.getPersonal() + " <" + from.getAddress() + ">";
    }

    static String plainText(String sender, String accountName, String fileName, String host) {
        return sender + " sent you an encrypted message through " + accountName + ".\n\n"
                + "To read it, open the attached file " + fileName + " and choose \"Open the message\". The message"
                + " opens on " + host + ", where you confirm your email address; it is decrypted in your browser.\n\n"
                + "The attached file never asks for a password. If a page asks you for one before you are on " + host
                + ", close it.\n";
    }

    static String html(String sender, String accountName, String fileName, String host) {
        return "<!DOCTYPE html><html><body style=\"font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
                + "color:#1d2733;line-height:1.5\">"
                + "<p><strong>" + escape(sender) + "</strong> sent you an encrypted message through <strong>"
                + escape(accountName) + "</strong>.</p>"
                + "<p>To read it, open the attached file <strong>" + escape(fileName) + "</strong> and choose"
                + " <em>Open the message</em>. The message opens on <strong>" + escape(host) + "</strong>, where you"
                + " confirm your email address; it is decrypted in your browser.</p>"
                + "<p style=\"color:#56616e\">The attached file never asks for a password. If a page asks you for one"
                + " before you are on " + escape(host) + ", close it.</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
