package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** The sender's message as sealed: who it is from and to, its subject, and its bytes without any Bcc field. */
class PlainMessageTest {

    private static final String HEADER = "From: \"Sender, S.\" <Sender@Example.com>\r\n"
            + "To: Reader <reader@partner.example>, second@partner.example\r\n"
            + "Cc: copy@partner.example\r\n"
            + "Bcc: hidden@elsewhere.example,\r\n second-hidden@elsewhere.example\r\n"
            + "Subject: =?UTF-8?B?UXVhcnRhbHN6YWhsZW4gw4RwZmVs?=\r\n"
            + "bcc: late@elsewhere.example\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n";
    private static final String BODY = "\r\nQuarterly numbers.\r\nBcc: this line is body text\r\n";

    @Test
    void readsSenderRecipientsAndSubjectAndRemovesExactlyTheBccFields() {
        PlainMessage message = PlainMessage.parse((HEADER + BODY).getBytes(StandardCharsets.UTF_8));

        assertEquals("sender@example.com", message.sender());
        assertEquals("Sender, S.", message.from().getPersonal());
        Map<String, RecipientKind> expected = new LinkedHashMap<>();
        expected.put("reader@partner.example", RecipientKind.TO);
        expected.put("second@partner.example", RecipientKind.TO);
        expected.put("copy@partner.example", RecipientKind.CC);
        expected.put("hidden@elsewhere.example", RecipientKind.BCC);
        expected.put("second-hidden@elsewhere.example", RecipientKind.BCC);
        expected.put("late@elsewhere.example", RecipientKind.BCC);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(message.recipients().entrySet()));
        assertEquals("Quartalszahlen Äpfel", message.subject());
        String without = HEADER.replace("Bcc: hidden@elsewhere.example,\r\n second-hidden@elsewhere.example\r\n", "")
                .replace("bcc: late@elsewhere.example\r\n", "") + BODY;
        assertEquals(without, new String(message.content(), StandardCharsets.UTF_8), "byte for byte, body untouched");
    }

    @Test
    void worksWithBareLineFeedsToo() {
        String lf = (HEADER + BODY).replace("\r\n", "\n");
        PlainMessage message = PlainMessage.parse(lf.getBytes(StandardCharsets.UTF_8));

        assertEquals(6, message.recipients().size());
        assertEquals(lf.replace("Bcc: hidden@elsewhere.example,\n second-hidden@elsewhere.example\n", "")
                .replace("bcc: late@elsewhere.example\n", ""), new String(message.content(), StandardCharsets.UTF_8));
    }

    @Test
    void eachUnusableFieldIsNamed() {
        assertEquals(List.of("From", "To"), fields("Subject: x\r\n\r\nbody"));
        assertEquals(List.of("From"), fields("From: a@example.com, b@example.com\r\nTo: r@partner.example\r\n\r\nbody"));
        assertEquals(List.of("Cc"), fields("From: a@example.com\r\nTo: r@partner.example\r\nCc: not an address@@\r\n\r\nb"));
        assertEquals(List.of("Subject"), fields("From: a@example.com\r\nTo: r@partner.example\r\nSubject: "
                + "x".repeat(PlainMessage.MAX_SUBJECT_BYTES + 1) + "\r\n\r\nb"));
        String many = IntStream.range(0, PlainMessage.MAX_RECIPIENTS + 1).mapToObj(i -> "r" + i + "@partner.example")
                .collect(Collectors.joining(", "));
        assertEquals(List.of("To"), fields("From: a@example.com\r\nTo: " + many + "\r\n\r\nb"));
        assertEquals("message", assertThrows(InvalidValueException.class,
                () -> PlainMessage.parse("no header and no body".getBytes(StandardCharsets.UTF_8))).field());
    }

    private static List<String> fields(String mime) {
        return assertThrows(RejectedValuesException.class, () -> PlainMessage.parse(mime.getBytes(StandardCharsets.UTF_8)))
                .problems().stream().map(ValueProblem::field).toList();
    }
}
