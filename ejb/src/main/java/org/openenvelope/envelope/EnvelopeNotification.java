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
import java.util.Locale;
import java.util.Properties;
import org.openenvelope.template.NotificationValues;
import org.openenvelope.template.RenderedNotification;

/**
 * The message recipients receive instead of the sender's: a short note from the account saying what to do, in the
 * account's wording (its Templates) under its brand (a PNG logo rides inline beside the note), and the securedoc
 * attachment. Its From, To and Cc are the sender's (Bcc
 * recipients get it without being named); the subject is the template's (the original's by default);
 * In-Reply-To and References keep it in the conversation.
 */
public final class EnvelopeNotification {

    /** The header that names the envelope, for gateways and for Secure Reply. */
    public static final String ENVELOPE_HEADER = "X-OpenEnvelope-Envelope";

    private EnvelopeNotification() {
    }

    /** The values the account's wording of the notification fills in (its Templates). */
    public static NotificationValues values(PlainMessage message, String envelopeId, String accountName, String baseUrl,
                                            String fileName, Instant expiresAt) {
        return new NotificationValues(sender(message.from()), accountName, message.subject(), fileName,
                URI.create(baseUrl).getHost(), expiresAt, baseUrl + SecuredocAttachment.VIEWER_PATH + "?envelope="
                + envelopeId);
    }

    /** @param wording the account's wording, its placeholders filled ({@link #values}) */
    public static MimeMessage compose(PlainMessage message, String envelopeId, RenderedNotification wording,
                                      String fileName, byte[] attachment, Instant sealedAt) {
        try {
            MimeMessage mail = new Mail(Session.getInstance(new Properties()));
            mail.setHeader("Message-ID", messageId(envelopeId, message.from().getAddress()));
            mail.setFrom(message.from());
            mail.setRecipients(Message.RecipientType.TO, message.addressed(RecipientKind.TO).toArray(InternetAddress[]::new));
            List<InternetAddress> cc = message.addressed(RecipientKind.CC);
            if (!cc.isEmpty()) {
                mail.setRecipients(Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
            }
            mail.setSubject(wording.subject(), StandardCharsets.UTF_8.name());
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

            MimeBodyPart text = new MimeBodyPart();
            text.setText(wording.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(wording.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            MimeBodyPart note = new MimeBodyPart();
            note.setContent(alternative);
            if (wording.inlineLogo() != null) {
                MimeBodyPart writing = note;
                MimeBodyPart logo = new MimeBodyPart();
                logo.setDataHandler(new DataHandler(new ByteArrayDataSource(wording.inlineLogo().bytes(),
                        wording.inlineLogo().mediaType())));
                logo.setContentID("<" + RenderedNotification.LOGO_CID + ">");
                logo.setDisposition(MimeBodyPart.INLINE);
                logo.setFileName("logo.png");
                note = new MimeBodyPart();
                note.setContent(new MimeMultipart("related", writing, logo));
            }

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

    /**
     * The notification's Message-ID, the same however often it is made: a copy that Graph made although its answer
     * was lost can be found by it. On the sender's domain (the mailbox's, which the From must be), as mail programs
     * write them.
     */
    public static String messageId(String envelopeId, String sender) {
        return "<" + envelopeId + ".envelope@" + sender.substring(sender.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT)
                + ">";
    }

    /** A notification (or a copy of one) that keeps its Message-ID when its changes are saved. */
    public static final class Mail extends MimeMessage {

        Mail(Session session) {
            super(session);
        }

        public Mail(MimeMessage source) throws MessagingException {
            super(source);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
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

}
