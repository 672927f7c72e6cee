package org.openenvelope.envelope;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.openenvelope.error.InvalidValueException;

/**
 * What a recipient writes back from the reading page: the text, the subject as their browser decrypted it, files,
 * and for a forward the addresses and the original message. The service writes the MIME message it then seals;
 * for a reply the addressees come from the envelope's record, never from the browser.
 */
public record SecureReply(ReplyKind kind, List<String> forwardTo, String subject, String text, String inReplyTo,
                          List<File> files, byte[] original) {

    public static final int MAX_FORWARD_RECIPIENTS = 20;
    public static final int MAX_TEXT_CHARS = 200_000;

    /** A file the recipient attached. */
    public record File(String name, String contentType, byte[] content) {
    }

    public SecureReply {
        forwardTo = forwardTo == null ? List.of() : List.copyOf(forwardTo);
        files = files == null ? List.of() : List.copyOf(files);
        if (kind == null) {
            throw new InvalidValueException("kind", "Say whether this is a REPLY, REPLY_ALL or FORWARD.");
        }
        if (text == null || text.isBlank()) {
            if (kind != ReplyKind.FORWARD) {
                throw new InvalidValueException("text", "Write a reply.");
            }
        } else if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidValueException("text", "The text is longer than " + MAX_TEXT_CHARS + " characters.");
        }
        if (kind == ReplyKind.FORWARD && forwardTo.isEmpty()) {
            throw new InvalidValueException("to", "Name at least one address to forward to.");
        }
        if (forwardTo.size() > MAX_FORWARD_RECIPIENTS) {
            throw new InvalidValueException("to", "Forward to at most " + MAX_FORWARD_RECIPIENTS + " addresses.");
        }
    }

    /** The same reply about another subject (the record's own). */
    SecureReply withSubject(String recordSubject) {
        return new SecureReply(kind, forwardTo, recordSubject, text, inReplyTo, files, original);
    }

    /** The addressees: the record's for a reply, the named ones (checked) for a forward. */
    List<InternetAddress> addressees(Envelope envelope, String replier) {
        Set<String> addresses = new LinkedHashSet<>();
        switch (kind) {
            case REPLY -> addresses.add(envelope.getSender());
            case REPLY_ALL -> {
                addresses.add(envelope.getSender());
                envelope.getRecipients().stream().filter(r -> r.getKind() != RecipientKind.BCC)
                        .forEach(r -> addresses.add(r.getAddress()));
            }
            case FORWARD -> forwardTo.forEach(a -> addresses.add(Envelope.normalized(a)));
        }
        addresses.remove(replier);
        if (addresses.isEmpty()) {
            throw new InvalidValueException(kind == ReplyKind.FORWARD ? "to" : "kind", "There is nobody else to send this to.");
        }
        List<InternetAddress> parsed = new ArrayList<>();
        for (String address : addresses) {
            try {
                parsed.add(new InternetAddress(address, true));
            } catch (AddressException e) {
                throw new InvalidValueException("to", address + " is not an email address.");
            }
        }
        return parsed;
    }

    /** The RFC 5322 message the service seals. */
    byte[] mime(String replier, List<InternetAddress> to, Instant now) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(new InternetAddress(replier, true));
            mail.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            mail.setSubject(subjectLine(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(now));
            if (inReplyTo != null && inReplyTo.matches("<[^<>\\s]{1,900}>")) {
                mail.setHeader("In-Reply-To", inReplyTo);
                mail.setHeader("References", inReplyTo);
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text == null ? "" : text, StandardCharsets.UTF_8.name());
            mixed.addBodyPart(body);
            if (kind == ReplyKind.FORWARD && original != null && original.length > 0) {
                MimeBodyPart forwarded = new MimeBodyPart();
                forwarded.setDataHandler(new DataHandler(new ByteArrayDataSource(original, "message/rfc822")));
                forwarded.setDisposition(MimeBodyPart.ATTACHMENT);
                forwarded.setFileName("forwarded-message.eml");
                mixed.addBodyPart(forwarded);
            }
            for (File file : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), contentType(file))));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                part.setFileName(fileName(file));
                mixed.addBodyPart(part);
            }
            mail.setContent(mixed);
            mail.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The reply cannot be written", e);
        }
    }

    String subjectLine() {
        String original = subject == null ? "" : subject.strip();
        String prefix = kind == ReplyKind.FORWARD ? "Fwd: " : "Re: ";
        boolean already = original.regionMatches(true, 0, prefix, 0, prefix.length());
        return already ? original : prefix + original;
    }

    private static String contentType(File file) {
        String type = file.contentType() == null ? "" : file.contentType().strip();
        return type.matches("[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+") ? type : "application/octet-stream";
    }

    private static String fileName(File file) {
        String name = file.name() == null ? "" : file.name().replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
        return name.isEmpty() ? "attachment" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
