package org.openenvelope.addin;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openenvelope.envelope.EnvelopeNotification;
import org.openenvelope.envelope.SealedEnvelope;

/**
 * The notification of a sealed envelope as Microsoft Graph is given it to send as the sender: MIME with the Bcc
 * recipients named (Exchange takes the recipients from the headers and keeps Bcc out of what others see), whole
 * when it fits in one request, else without the securedoc attachment, which then goes through an upload session.
 */
public final class GraphNotification {

    private final MimeMessage whole;
    private final String attachmentName;
    private final byte[] attachment;

    private GraphNotification(MimeMessage whole, String attachmentName, byte[] attachment) {
        this.whole = whole;
        this.attachmentName = attachmentName;
        this.attachment = attachment;
    }

    public static GraphNotification of(SealedEnvelope sealed) {
        try {
            MimeMessage mail = new EnvelopeNotification.Mail(sealed.notification());
            Set<String> shown = new HashSet<>();
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] addresses = mail.getRecipients(type);
                Arrays.stream(addresses == null ? new Address[0] : addresses)
                        .forEach(a -> shown.add(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT)));
            }
            List<InternetAddress> bcc = new ArrayList<>(sealed.deliverTo().stream()
                    .filter(a -> !shown.contains(a.getAddress().toLowerCase(Locale.ROOT))).toList());
            if (!bcc.isEmpty()) {
                mail.setRecipients(Message.RecipientType.BCC, bcc.toArray(InternetAddress[]::new));
            }
            mail.saveChanges();
            MimeBodyPart file = (MimeBodyPart) ((MimeMultipart) mail.getContent()).getBodyPart(1);
            return new GraphNotification(mail, file.getFileName(), file.getInputStream().readAllBytes());
        } catch (MessagingException | IOException | ClassCastException e) {
            throw new IllegalStateException("The notification could not be prepared for Microsoft Graph", e);
        }
    }

    /** The whole message, attachment included. */
    public byte[] whole() {
        return EnvelopeNotification.bytes(whole);
    }

    /** The message with its note only: the attachment is added through an upload session. */
    public byte[] withoutAttachment() {
        try {
            MimeMessage note = new EnvelopeNotification.Mail(whole);
            MimeMultipart parts = (MimeMultipart) note.getContent();
            MimeBodyPart text = (MimeBodyPart) parts.getBodyPart(0);
            note.setContent(new MimeMultipart("mixed", text));
            note.saveChanges();
            return EnvelopeNotification.bytes(note);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The notification could not be prepared for Microsoft Graph", e);
        }
    }

    public String attachmentName() {
        return attachmentName;
    }

    public byte[] attachment() {
        return attachment.clone();
    }
}
