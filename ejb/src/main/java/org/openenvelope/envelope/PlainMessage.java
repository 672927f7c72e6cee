package org.openenvelope.envelope;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/**
 * The sender's MIME message (RFC 5322) as it is about to be sealed: its sender, recipients and subject read from
 * the header, and the bytes that become the plaintext. Those are the message as given, byte for byte, except that
 * Bcc fields are removed: a Bcc recipient may open the envelope, but no other recipient may learn of them. The
 * header's other fields, the body, inline images and attachments are untouched.
 */
public final class PlainMessage {

    /** The most recipients one envelope may have. */
    public static final int MAX_RECIPIENTS = 500;
    /** Subjects are encrypted into a column of their own; longer ones are refused, not cut. */
    public static final int MAX_SUBJECT_BYTES = 2000;

    private final InternetAddress from;
    private final Map<RecipientKind, List<InternetAddress>> addressed;
    private final Map<String, RecipientKind> recipients;
    private final String subject;
    private final List<Field> threading;
    private final byte[] content;

    private PlainMessage(InternetAddress from, Map<RecipientKind, List<InternetAddress>> addressed, String subject,
                         List<Field> threading, byte[] content) {
        this.from = from;
        this.addressed = addressed;
        this.subject = subject;
        this.threading = threading;
        this.content = content;
        Map<String, RecipientKind> each = new LinkedHashMap<>();
        addressed.forEach((kind, addresses) -> addresses.forEach(a -> each.putIfAbsent(Envelope.normalized(a.getAddress()), kind)));
        this.recipients = Collections.unmodifiableMap(each);
    }

    /**
     * @throws InvalidValueException  naming {@code message} when the bytes are not a MIME message
     * @throws RejectedValuesException naming each header field that is missing or unusable ({@code From},
     *                                 {@code To}, {@code Cc}, {@code Bcc}, {@code Subject})
     */
    public static PlainMessage parse(byte[] mime) {
        int end = headerEnd(mime);
        if (end < 0) {
            throw new InvalidValueException("message", "The message has no header: send it as message/rfc822, header"
                    + " fields first, then an empty line, then the body.");
        }
        List<Field> fields = fields(mime, end);
        List<ValueProblem> problems = new ArrayList<>();
        InternetAddress from = sender(fields, problems);
        Map<RecipientKind, List<InternetAddress>> addressed = new EnumMap<>(RecipientKind.class);
        for (RecipientKind kind : RecipientKind.values()) {
            String name = headerName(kind);
            List<InternetAddress> addresses = new ArrayList<>();
            fields.stream().filter(field -> field.named(name)).forEach(field -> addresses.addAll(addresses(field, name, problems)));
            addressed.put(kind, List.copyOf(addresses));
        }
        long count = addressed.values().stream().flatMap(List::stream).map(a -> Envelope.normalized(a.getAddress()))
                .distinct().count();
        if (count == 0 && problems.stream().noneMatch(p -> p.field().equals("To"))) {
            problems.add(new ValueProblem("To", null, "The message has no recipients (To, Cc or Bcc)."));
        }
        if (count > MAX_RECIPIENTS) {
            problems.add(new ValueProblem("To", null, "The message has " + count + " recipients; an envelope may"
                    + " have at most " + MAX_RECIPIENTS + "."));
        }
        String subject = subject(fields, problems);
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        List<Field> threading = fields.stream().filter(f -> f.named("In-Reply-To") || f.named("References")).toList();
        return new PlainMessage(from, addressed, subject, threading, withoutBcc(mime, fields));
    }

    /** The sender's address, lower case. */
    public String sender() {
        return Envelope.normalized(from.getAddress());
    }

    /** The sender as the From field names them (with the display name). */
    public InternetAddress from() {
        return from;
    }

    /** The recipients of one kind as the message names them (with display names). */
    public List<InternetAddress> addressed(RecipientKind kind) {
        return addressed.get(kind);
    }

    /** In-Reply-To and References as given, so that the notification stays in the conversation's thread. */
    public Map<String, String> threadingFields() {
        Map<String, String> values = new LinkedHashMap<>();
        threading.forEach(f -> values.putIfAbsent(f.named("References") ? "References" : "In-Reply-To", f.value()));
        return values;
    }

    /** Each recipient once (lower case), in header order: To first, then Cc, then Bcc. */
    public Map<String, RecipientKind> recipients() {
        return recipients;
    }

    /** The decoded subject; empty when there is none. */
    public String subject() {
        return subject;
    }

    /** The plaintext: the message without its Bcc fields. */
    public byte[] content() {
        return content;
    }

    private static String headerName(RecipientKind kind) {
        return switch (kind) {
            case TO -> "To";
            case CC -> "Cc";
            case BCC -> "Bcc";
        };
    }

    private static InternetAddress sender(List<Field> fields, List<ValueProblem> problems) {
        List<Field> from = fields.stream().filter(f -> f.named("From")).toList();
        if (from.isEmpty()) {
            problems.add(new ValueProblem("From", null, "The message has no From field; it names the sender."));
            return null;
        }
        List<InternetAddress> addresses = from.size() == 1 ? addresses(from.get(0), "From", problems) : List.of();
        if (from.size() > 1 || addresses.size() > 1) {
            problems.add(new ValueProblem("From", null, "The message must name exactly one sender in From."));
            return null;
        }
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    /**
     * The addresses of a field, the members of a group ({@code team: a@x, b@y;}) included; an empty group
     * ({@code undisclosed-recipients:;}) names no one. Problems are reported under the field's standard name.
     */
    private static List<InternetAddress> addresses(Field field, String name, List<ValueProblem> problems) {
        try {
            List<InternetAddress> addresses = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(field.value(), true)) {
                if (address.isGroup()) {
                    for (InternetAddress member : address.getGroup(true)) {
                        member.validate();
                        addresses.add(member);
                    }
                } else {
                    address.validate();
                    addresses.add(address);
                }
            }
            return addresses;
        } catch (AddressException e) {
            problems.add(new ValueProblem(name, printable(field.value()), "\"" + printable(field.value())
                    + "\" is not a list of email addresses (" + e.getMessage() + ")."));
            return List.of();
        }
    }

    private static String subject(List<Field> fields, List<ValueProblem> problems) {
        String raw = fields.stream().filter(f -> f.named("Subject")).map(Field::value).findFirst().orElse("");
        String subject;
        try {
            subject = MimeUtility.decodeText(raw).strip();
        } catch (UnsupportedEncodingException e) {
            subject = raw.strip();
        }
        if (subject.getBytes(StandardCharsets.UTF_8).length > MAX_SUBJECT_BYTES) {
            problems.add(new ValueProblem("Subject", null, "The subject is longer than " + MAX_SUBJECT_BYTES + " bytes."));
        }
        return subject;
    }

    private static byte[] withoutBcc(byte[] mime, List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(mime.length);
        int position = 0;
        for (Field field : fields) {
            if (field.named("Bcc") || field.named("Resent-Bcc")) {
                out.write(mime, position, field.start() - position);
                position = field.end();
            }
        }
        out.write(mime, position, mime.length - position);
        return out.toByteArray();
    }

    /** The index of the empty line that ends the header (the body starts after it), or -1. */
    private static int headerEnd(byte[] mime) {
        for (int i = 0; i < mime.length; i++) {
            if (mime[i] == '\n' && (i + 1 < mime.length && mime[i + 1] == '\n'
                    || i + 2 < mime.length && mime[i + 1] == '\r' && mime[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The header fields, unfolded, with where each starts and ends (its continuation lines included). */
    private static List<Field> fields(byte[] mime, int headerEnd) {
        List<Field> fields = new ArrayList<>();
        int start = 0;
        while (start < headerEnd) {
            int end = lineEnd(mime, start);
            while (end < headerEnd && (mime[end] == ' ' || mime[end] == '\t')) {
                end = lineEnd(mime, end);
            }
            String text = new String(mime, start, end - start, StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon > 0) {
                fields.add(new Field(text.substring(0, colon).strip(),
                        MimeUtility.unfold(text.substring(colon + 1)).strip(), start, end));
            }
            start = end;
        }
        return fields;
    }

    private static int lineEnd(byte[] mime, int from) {
        int i = from;
        while (i < mime.length && mime[i] != '\n') {
            i++;
        }
        return Math.min(i + 1, mime.length);
    }

    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private record Field(String name, String value, int start, int end) {
        boolean named(String candidate) {
            return name.toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT));
        }
    }
}
