package org.openenvelope.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mail the service sent through GreenMail, read as a person reads it: by recipient, subject and text. */
public final class Mailboxes {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{4}) (\\d{4})\\b");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/envelope/password\\?token=[0-9a-f]{64}");

    private Mailboxes() {
    }

    /** Waits for a message to the address whose subject starts so, and returns the newest one. */
    public static MimeMessage await(GreenMailExtension smtp, String address, String subjectStart, Duration limit) {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            List<MimeMessage> found = to(smtp, address, subjectStart);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            sleep();
        }
        throw new AssertionError("no message \"" + subjectStart + "…\" for " + address + " within " + limit);
    }

    /** Every message to the address whose subject starts so. */
    public static List<MimeMessage> to(GreenMailExtension smtp, String address, String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().startsWith(subjectStart) && Arrays.stream(
                        m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The first text/plain part, however deep. */
    public static String text(MimeMessage message) {
        try {
            String text = text((Part) message);
            if (text != null) {
                return text;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no text part");
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The one-time code as the mail shows it (1234 5678), digits only. */
    public static String code(MimeMessage message) {
        Matcher matcher = CODE.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no code in " + text(message));
        }
        return matcher.group(1) + matcher.group(2);
    }

    /** The registration or reset link. */
    public static String passwordLink(MimeMessage message) {
        Matcher matcher = LINK.matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("no password link in " + text(message));
        }
        return matcher.group();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
