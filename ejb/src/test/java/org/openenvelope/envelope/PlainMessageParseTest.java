package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

class PlainMessageParseTest {

    /** "Zahlen für Q3 – Übersicht" as two encoded-words (B and Q), the second on a continuation line. */
    private static final String ENCODED_SUBJECT = "=?UTF-8?B?WmFobGVuIGbDvHIgUTMg?=\n =?UTF-8?Q?=E2=80=93_=C3=9Cbersicht?=";
    private static final String SUBJECT = "Zahlen f\u00fcr Q3 \u2013 \u00dcbersicht";

    /** The header of a message as Outlook would send it, Bcc fields marked so the test knows what must go. */
    private static final List<String> HEADER = List.of(
            "Received: from client.example.com (client.example.com [192.0.2.10])",
            "\tby mx.example.com; Mon, 2 Mar 2026 10:00:00 +0000",
            "From: \"Alice Example\" <Alice@Example.COM>",
            "To: Bob <bob@example.net>, \"Erin, Sales\" <erin@example.net>",
            "BCC! Bcc: dave@example.com,",
            "BCC!  Frank <frank@example.com>",
            "Cc: carol@example.org",
            "X-Bcc-Policy: kept, it is not a Bcc field",
            "BCC! bcc: grace@example.com",
            "Subject: " + ENCODED_SUBJECT,
            "Date: Mon, 2 Mar 2026 10:00:00 +0000",
            "Message-ID: <b1c2d3@client.example.com>",
            "In-Reply-To: <a0b1c2@client.example.net>",
            "References: <9f8e7d@client.example.net>",
            " <a0b1c2@client.example.net>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"");

    private static final List<String> BODY = List.of(
            "",
            "This is a multi-part message in MIME format.",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"inner\"",
            "",
            "--inner",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hello Bob,",
            "Bcc: this line is in the body, not a header field; it stays.",
            "Gr=C3=BC=C3=9Fe, Alice",
            "--inner",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<html><body><p>Hello Bob,</p><p>Gr=C3=BC=C3=9Fe, Alice</p></body></html>",
            "--inner--",
            "--outer",
            "Content-Type: application/pdf; name=\"q3.pdf\"",
            "Content-Disposition: attachment; filename=\"q3.pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K",
            "--outer--",
            "");

    private static final String MARK = "BCC! ";

    /** The message as sent, with the given line ending. */
    private static byte[] message(String newline) {
        return join(newline, false);
    }

    /** What must be sealed: the message without its Bcc lines, every other byte as it was. */
    private static byte[] withoutBcc(String newline) {
        return join(newline, true);
    }

    private static byte[] join(String newline, boolean dropBcc) {
        List<String> lines = new ArrayList<>();
        for (String line : HEADER) {
            if (!line.startsWith(MARK)) {
                lines.add(line);
            } else if (!dropBcc) {
                lines.add(line.substring(MARK.length()));
            }
        }
        lines.addAll(BODY);
        return String.join(newline, lines).replace("\n", newline).replace("\r\r\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal message from its header fields (one per element, LF line ends) and a short body. */
    private static byte[] minimal(String... fields) {
        return (String.join("\r\n", fields) + "\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> problemFields(Runnable parse) {
        return assertThrows(RejectedValuesException.class, parse::run).problems().stream()
                .map(ValueProblem::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void readsSenderRecipientsAndSubjectFromARealisticMessage(String newline) {
        PlainMessage message = PlainMessage.parse(message(newline));

        assertEquals("alice@example.com", message.sender());
        assertEquals("Alice Example", message.from().getPersonal());
        Map<String, RecipientKind> expected = new LinkedHashMap<>();
        expected.put("bob@example.net", RecipientKind.TO);
        expected.put("erin@example.net", RecipientKind.TO);
        expected.put("carol@example.org", RecipientKind.CC);
        expected.put("dave@example.com", RecipientKind.BCC);
        expected.put("frank@example.com", RecipientKind.BCC);
        expected.put("grace@example.com", RecipientKind.BCC);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(message.recipients().entrySet()),
                "To, then Cc, then Bcc (the folded and the lower-case field included)");
        assertEquals(List.of("Bob", "Erin, Sales"),
                message.addressed(RecipientKind.TO).stream().map(InternetAddress::getPersonal).toList());
        assertEquals(List.of("carol@example.org"),
                message.addressed(RecipientKind.CC).stream().map(InternetAddress::getAddress).toList());
        assertEquals(SUBJECT, message.subject(), "decoded from its RFC 2047 encoded-words");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void theContentIsTheMessageWithoutExactlyItsBccFieldsByteForByte(String newline) {
        byte[] sent = message(newline);
        byte[] content = PlainMessage.parse(sent).content();

        assertArrayEquals(withoutBcc(newline), content);
        String text = new String(content, StandardCharsets.UTF_8);
        for (String hidden : List.of("dave@", "frank@", "Frank", "grace@")) {
            assertFalse(text.contains(hidden), hidden + " must not reach the other recipients");
        }
        assertTrue(text.contains("X-Bcc-Policy: kept"), "a field merely containing Bcc is not a Bcc field");
        assertTrue(text.contains(newline + "Bcc: this line is in the body"), "the body is not touched");
        assertTrue(text.contains(newline + " <a0b1c2@client.example.net>" + newline), "other folded fields are kept");
        assertEquals(sent.length - (newline.length() * 3 + "Bcc: dave@example.com,".length()
                        + " Frank <frank@example.com>".length() + "bcc: grace@example.com".length()),
                content.length, "exactly the three Bcc lines are removed");
    }

    @Test
    void aMessageWithoutBccIsSealedUnchanged() {
        byte[] sent = minimal("From: alice@example.com", "To: bob@example.net", "Subject: Hi");
        PlainMessage message = PlainMessage.parse(sent);
        assertArrayEquals(sent, message.content());
        assertEquals("Hi", message.subject());
    }

    @Test
    void resentBccFieldsAreRemovedToo() {
        byte[] sent = minimal("From: alice@example.com", "To: bob@example.net", "Resent-Bcc: dave@example.com",
                "Subject: Hi");
        byte[] content = PlainMessage.parse(sent).content();
        assertArrayEquals(minimal("From: alice@example.com", "To: bob@example.net", "Subject: Hi"), content);
    }

    @Test
    void aBccOnlyMessageToUndisclosedRecipientsHasOnlyTheBccRecipients() {
        PlainMessage message = PlainMessage.parse(minimal("From: alice@example.com", "To: undisclosed-recipients:;",
                "Bcc: dave@example.com, grace@example.com"));
        assertEquals(Map.of("dave@example.com", RecipientKind.BCC, "grace@example.com", RecipientKind.BCC),
                message.recipients(), "an empty group names no one");
        assertTrue(message.addressed(RecipientKind.TO).isEmpty());
    }

    @Test
    void theMembersOfAGroupAreItsRecipients() {
        PlainMessage message = PlainMessage.parse(minimal("From: alice@example.com",
                "To: Team: bob@example.net, \"Erin\" <erin@example.net>;, carol@example.org"));
        assertEquals(List.of("bob@example.net", "erin@example.net", "carol@example.org"),
                List.copyOf(message.recipients().keySet()));
        assertTrue(message.addressed(RecipientKind.TO).stream().noneMatch(InternetAddress::isGroup));
    }

    @Test
    void eachRecipientCountsOnceUnderTheFirstKindThatNamesThem() {
        PlainMessage message = PlainMessage.parse(minimal("From: alice@example.com",
                "Cc: Bob@Example.net, carol@example.org", "To: bob@example.net", "Bcc: CAROL@example.org"));
        assertEquals(List.of(Map.entry("bob@example.net", RecipientKind.TO), Map.entry("carol@example.org", RecipientKind.CC)),
                List.copyOf(message.recipients().entrySet()));
    }

    @Test
    void keepsInReplyToAndReferencesForTheThread() {
        PlainMessage message = PlainMessage.parse(message("\r\n"));
        assertEquals(Map.of("In-Reply-To", "<a0b1c2@client.example.net>",
                        "References", "<9f8e7d@client.example.net> <a0b1c2@client.example.net>"),
                message.threadingFields());
    }

    @Test
    void aMessageWithoutSubjectHasAnEmptyOne() {
        assertEquals("", PlainMessage.parse(minimal("From: alice@example.com", "To: bob@example.net")).subject());
    }

    @Test
    void refusesAMessageWithoutFrom() {
        assertEquals(List.of("From"), problemFields(() -> PlainMessage.parse(minimal("To: bob@example.net"))));
    }

    @Test
    void refusesAMessageWithTwoSenders() {
        assertEquals(List.of("From"), problemFields(() -> PlainMessage.parse(minimal(
                "From: alice@example.com, mallory@example.com", "To: bob@example.net"))));
        assertEquals(List.of("From"), problemFields(() -> PlainMessage.parse(minimal(
                "From: alice@example.com", "From: mallory@example.com", "To: bob@example.net"))));
    }

    @Test
    void refusesAnUnreadableFrom() {
        assertEquals(List.of("From"), problemFields(() -> PlainMessage.parse(minimal(
                "From: Alice <alice@example.com", "To: bob@example.net"))));
    }

    @Test
    void refusesAMessageWithoutRecipients() {
        assertEquals(List.of("To"), problemFields(() -> PlainMessage.parse(minimal("From: alice@example.com",
                "Subject: To no one"))));
        assertEquals(List.of("To"), problemFields(() -> PlainMessage.parse(minimal("From: alice@example.com",
                "To: ", "Cc: undisclosed-recipients:;"))));
    }

    @Test
    void refusesAnInvalidAddressNamingItsField() {
        RejectedValuesException refused = assertThrows(RejectedValuesException.class, () -> PlainMessage.parse(minimal(
                "From: alice@example.com", "To: bob@example.net", "Cc: carol@@example.org")));
        assertEquals(1, refused.problems().size());
        ValueProblem problem = refused.problems().get(0);
        assertEquals("Cc", problem.field());
        assertTrue(problem.message().contains("carol@@example.org"), problem.message());
        assertEquals(List.of("To"), problemFields(() -> PlainMessage.parse(minimal(
                "From: alice@example.com", "To: not an address"))));
    }

    @Test
    void namesTheFieldAsTheStandardSpellsItWhateverItsCaseInTheMessage() {
        assertEquals(List.of("Cc"), problemFields(() -> PlainMessage.parse(minimal(
                "from: alice@example.com", "to: bob@example.net", "cc: carol@@example.org"))));
        assertEquals(List.of("Bcc"), problemFields(() -> PlainMessage.parse(minimal(
                "From: alice@example.com", "To: bob@example.net", "BCC: dave@"))));
        assertEquals(List.of("From"), problemFields(() -> PlainMessage.parse(minimal(
                "FROM: alice@", "To: bob@example.net"))));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertEquals(List.of("From", "Cc", "Subject"), problemFields(() -> PlainMessage.parse(minimal(
                "To: bob@example.net", "Cc: carol", "Subject: " + "s".repeat(PlainMessage.MAX_SUBJECT_BYTES + 1)))));
    }

    @Test
    void refusesMoreThanFiveHundredRecipients() {
        String five = addresses(0, 250);
        String hundred = addresses(250, 250);
        PlainMessage most = PlainMessage.parse(minimal("From: alice@example.com", "To: " + five, "Cc: " + hundred,
                "Bcc: r0@example.net"));
        assertEquals(PlainMessage.MAX_RECIPIENTS, most.recipients().size(), "500, a repeated one counting once");

        RejectedValuesException refused = assertThrows(RejectedValuesException.class, () -> PlainMessage.parse(minimal(
                "From: alice@example.com", "To: " + five, "Cc: " + hundred, "Bcc: r500@example.net")));
        assertEquals(List.of("To"), refused.problems().stream().map(ValueProblem::field).toList());
        assertTrue(refused.problems().get(0).message().contains("501"), refused.problems().get(0).message());
    }

    private static String addresses(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "r" + i + "@example.net").collect(Collectors.joining(",\r\n "));
    }

    @Test
    void refusesASubjectLongerThanTwoThousandBytes() {
        String longest = "\u00e9".repeat(PlainMessage.MAX_SUBJECT_BYTES / 2);
        assertEquals(longest, PlainMessage.parse(minimal("From: alice@example.com", "To: bob@example.net",
                "Subject: " + longest)).subject());
        assertEquals(List.of("Subject"), problemFields(() -> PlainMessage.parse(minimal("From: alice@example.com",
                "To: bob@example.net", "Subject: " + longest + "x"))));
    }

    @Test
    void refusesBytesWithoutAHeaderAndABody() {
        for (String notMime : List.of("", "Hello, this is not a message.",
                "From: alice@example.com\r\nTo: bob@example.net\r\nSubject: no body separator\r\n")) {
            InvalidValueException refused = assertThrows(InvalidValueException.class,
                    () -> PlainMessage.parse(notMime.getBytes(StandardCharsets.UTF_8)), notMime);
            assertEquals("message", refused.field());
        }
    }

    @Test
    void theContentOfAnotherMessageIsItsOwn() {
        byte[] crlf = PlainMessage.parse(message("\r\n")).content();
        byte[] lf = PlainMessage.parse(message("\n")).content();
        assertFalse(Arrays.equals(crlf, lf), "line endings are kept as they were");
        assertFalse(new String(lf, StandardCharsets.UTF_8).contains("\r"));
    }
}
