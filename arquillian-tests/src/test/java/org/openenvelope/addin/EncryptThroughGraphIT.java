package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.envelope.EnvelopeNotification;
import org.openenvelope.graph.FakeMicrosoft;
import org.openenvelope.testing.AddinSenders;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.FakeMailbox;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.SealedMessages;

/**
 * The add-in's Encrypt over HTTP against a fake Microsoft 365 mailbox (WireMock in Graph's shapes): the service
 * reads the saved draft as MIME, seals it, makes the outgoing message from MIME (its attachment through an upload
 * session above Graph's request size), sends it as the sender and deletes the draft, exactly once whatever Graph
 * answers on the way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EncryptThroughGraphIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private AddinSenders senders;
    private FakeMicrosoft microsoft;

    @BeforeEach
    void start() {
        URI base = Deployments.loopback(deployed);
        senders = new AddinSenders(base, PortalSteps.serviceApi(base, "Encrypt"));
        microsoft = new FakeMicrosoft(Integer.getInteger("openenvelope.test.fake-microsoft-port"));
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    /** A signed-in Encrypt sender of an account connected to the fake Microsoft, whose draft is {@code mime}. */
    private record Sending(AddinSenders.Sender who, ApiClient addin, FakeMailbox mailbox) {

        String flows() {
            return "/api/addin/v1/flows";
        }
    }

    private Sending sender(String name, String principal, byte[] draft) {
        AddinSenders.Sender who = senders.sender(name, "ENCRYPT", 1, "SUBJECT", "[secure]");
        senders.connectToMicrosoft(who.account());
        FakeMailbox mailbox = new FakeMailbox(microsoft, who.email(), principal == null ? who.email() : principal,
                draft == null ? draft(who.email(), "See the figures.") : draft);
        return new Sending(who, senders.sender(senders.session(who.email(), who.email()).getString("token")), mailbox);
    }

    private static byte[] draft(String from, String body) {
        return ("From: Sender <" + from + ">\r\nTo: Reader <reader@partner.example>\r\nBcc: auditor@partner.example\r\n"
                + "Subject: Quarterly figures\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject step(JsonObject flow, int index) {
        return flow.getJsonArray("steps").getJsonObject(index);
    }

    /** Polls the flow as the task pane does until it has ended (or, with {@code sent}, reached Message Sent). */
    private static JsonObject settled(Sending sending, String id) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonObject flow = sending.addin().get(sending.flows() + "/" + id).json();
            if (!flow.getString("outcome").equals("IN_PROGRESS") || Instant.now().isAfter(limit)) {
                return flow;
            }
            Thread.sleep(250);
        }
    }

    private JsonObject encrypt(Sending sending, int expectedStatus) throws InterruptedException {
        ApiClient.Reply started = sending.addin().post(sending.flows(), "{\"messageId\":\"" + FakeMailbox.DRAFT + "\"}");
        assertEquals(expectedStatus, started.status(), started.body());
        assertEquals("ENCRYPT", started.json().getString("encryptionType"));
        return settled(sending, started.json().getString("id"));
    }

    /** Waits until Graph has deleted the draft (after Message Sent). */
    private static void awaitDraftDeleted(FakeMailbox mailbox) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(30));
        String delete = "DELETE " + mailbox.messages() + "/" + FakeMailbox.DRAFT;
        while (!mailbox.statuses(delete).contains(204) && Instant.now().isBefore(limit)) {
            Thread.sleep(200);
        }
        assertTrue(mailbox.statuses(delete).contains(204), "the draft was deleted: " + mailbox.calls());
    }

    private static long count(FakeMailbox mailbox, String call) {
        return mailbox.calls().stream().filter(call::equals).count();
    }

    @Test
    void encryptsTheDraftSendsItAsTheSenderAndDeletesItWithTheExactGraphCallsInOrder() throws Exception {
        Sending sending = sender("erin", null, null);
        FakeMailbox mailbox = sending.mailbox();

        JsonObject flow = encrypt(sending, 201);
        assertEquals("COMPLETED", flow.getString("outcome"), flow.toString());
        assertEquals(List.of("Encryption Initiated", "Successfully Authenticated", "Message Encrypted", "Message Sent"),
                flow.getJsonArray("steps").stream().map(s -> s.asJsonObject().getString("label")).toList());
        flow.getJsonArray("steps").forEach(s -> assertEquals("DONE", s.asJsonObject().getString("status")));
        awaitDraftDeleted(mailbox);
        String messages = mailbox.messages();
        assertEquals(List.of("GET /v1.0/users/" + mailbox.address(), "GET " + messages + "/" + FakeMailbox.DRAFT,
                "GET " + messages + "/" + FakeMailbox.DRAFT + "/$value", "POST " + messages,
                "POST " + messages + "/" + FakeMailbox.OUTGOING + "/send", "DELETE " + messages + "/" + FakeMailbox.DRAFT),
                mailbox.calls());

        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mailbox.createdMime()));
        assertEquals(sending.who().email(), ((jakarta.mail.internet.InternetAddress) sent.getFrom()[0]).getAddress());
        assertEquals("reader@partner.example", sent.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll(".*<|>", ""));
        assertEquals("auditor@partner.example", sent.getRecipients(Message.RecipientType.BCC)[0].toString(),
                "Exchange takes Bcc from the MIME it is given");
        String envelope = sent.getHeader(EnvelopeNotification.ENVELOPE_HEADER, null);
        MimeMultipart parts = (MimeMultipart) sent.getContent();
        assertTrue(parts.getBodyPart(1).getFileName().matches("securedoc_\\d{8}T\\d{6}\\.html"), parts.getBodyPart(1).getFileName());
        String securedoc = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(securedoc.contains(envelope) && !securedoc.contains("See the figures"), "sealed, never in clear");
        JsonObject record = senders.admin().get("/api/v1/accounts/" + sending.who().account() + "/envelopes/" + envelope).json();
        assertEquals(sending.who().email(), record.getString("sender"));
        assertEquals(2, record.getJsonArray("recipients").size());
        String audit = senders.admin().get("/api/v1/accounts/" + sending.who().account() + "/audit?size=50").body();
        assertTrue(audit.contains("Encrypt flow " + flow.getString("id") + " for " + sending.who().email()
                + ": Message Sent, envelope " + envelope), audit);
    }

    @Test
    void aRepeatedRequestForTheSameDraftFindsItsFlowAndNeverSendsTwice() throws Exception {
        Sending sending = sender("fay", null, null);
        JsonObject first = encrypt(sending, 201);
        JsonObject again = encrypt(sending, 200);
        assertEquals(first.getString("id"), again.getString("id"));
        awaitDraftDeleted(sending.mailbox());
        assertEquals(1, count(sending.mailbox(), "POST " + sending.mailbox().messages() + "/" + FakeMailbox.OUTGOING + "/send"));
    }

    @Test
    void theSameDraftAskedForTwiceAtOnceIsOneFlowAndOneSend() throws Exception {
        Sending sending = sender("gia", null, null);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<ApiClient.Reply> start = () -> sending.addin().post(sending.flows(),
                    "{\"messageId\":\"" + FakeMailbox.DRAFT + "\"}");
            List<java.util.concurrent.Future<ApiClient.Reply>> replies = two.invokeAll(List.of(start, start));
            List<ApiClient.Reply> answered = List.of(replies.get(0).get(), replies.get(1).get());
            answered.forEach(reply -> assertTrue(reply.status() == 201 || reply.status() == 200, reply.body()));
            assertEquals(answered.get(0).json().getString("id"), answered.get(1).json().getString("id"));
            assertEquals("COMPLETED", settled(sending, answered.get(0).json().getString("id")).getString("outcome"));
        } finally {
            two.shutdownNow();
        }
        awaitDraftDeleted(sending.mailbox());
        assertEquals(1, count(sending.mailbox(), "POST " + sending.mailbox().messages() + "/" + FakeMailbox.OUTGOING + "/send"));
    }

    @Test
    void throttlingAtEveryStepIsWaitedOutAsRetryAfterSays() throws Exception {
        Sending sending = sender("gus", null, null);
        FakeMailbox mailbox = sending.mailbox();
        String messages = mailbox.messages();
        var throttled = FakeMicrosoft.graphError(429, "TooManyRequests", "Application is over its MailboxConcurrency limit.")
                .withHeader("Retry-After", "1");
        mailbox.first("GET", "/v1.0/users/" + mailbox.address(), 1, throttled);
        mailbox.first("GET", messages + "/" + FakeMailbox.DRAFT + "/$value", 1, throttled);
        mailbox.first("POST", messages, 1, throttled);
        mailbox.first("POST", messages + "/" + FakeMailbox.OUTGOING + "/send", 1, throttled);
        mailbox.first("DELETE", messages + "/" + FakeMailbox.DRAFT, 1, throttled);

        assertEquals("COMPLETED", encrypt(sending, 201).getString("outcome"));
        awaitDraftDeleted(mailbox);
        assertEquals(2, count(mailbox, "POST " + messages + "/" + FakeMailbox.OUTGOING + "/send"),
                "the throttled send was not taken; the second was");
        assertEquals(2, count(mailbox, "DELETE " + messages + "/" + FakeMailbox.DRAFT));
    }

    @Test
    void aSendWhoseAnswerIsLostIsAskedAboutAndNeverRepeated() throws Exception {
        Sending sending = sender("hal", null, null);
        FakeMailbox mailbox = sending.mailbox();
        String outgoing = mailbox.messages() + "/" + FakeMailbox.OUTGOING;
        // Graph takes the message but its answer comes after the service's 5 s timeout; Exchange shows it as a
        // draft a moment longer, then as sent
        mailbox.first("POST", outgoing + "/send", 1, WireMock.aResponse().withStatus(202).withFixedDelay(7000));
        mailbox.first("GET", outgoing, 1, WireMock.okJson("{\"isDraft\":true}"));

        JsonObject flow = encrypt(sending, 201);
        assertEquals("COMPLETED", flow.getString("outcome"), flow.toString());
        awaitDraftDeleted(mailbox);
        assertEquals(1, count(mailbox, "POST " + outgoing + "/send"), "the sent message was not sent again");
        assertEquals(2, count(mailbox, "GET " + outgoing), "whether it was sent was asked of the message itself");
    }

    @Test
    void aSendMicrosoftNeverConfirmsFailsAsUnconfirmedAndOnlyTryAgainSendsIt() throws Exception {
        Sending sending = sender("hank", null, null);
        FakeMailbox mailbox = sending.mailbox();
        String outgoing = mailbox.messages() + "/" + FakeMailbox.OUTGOING;
        mailbox.always("POST", outgoing + "/send", WireMock.aResponse().withStatus(202).withFixedDelay(7000));
        mailbox.always("GET", outgoing, WireMock.okJson("{\"isDraft\":true}"));

        JsonObject unconfirmed = encrypt(sending, 201);
        assertEquals("send_unconfirmed", unconfirmed.getString("failureCode"), unconfirmed.toString());
        assertTrue(unconfirmed.getBoolean("retryable"));
        assertTrue(step(unconfirmed, 3).getString("detail").contains("Look in Sent Items"));
        assertEquals(1, count(mailbox, "POST " + outgoing + "/send"), "never sent again by the service itself");
        assertFalse(mailbox.calls().contains("DELETE " + mailbox.messages() + "/" + FakeMailbox.DRAFT), "the draft is kept");

        mailbox.heal();
        assertEquals(200, sending.addin().post(sending.flows() + "/" + unconfirmed.getString("id") + "/retry", null).status());
        assertEquals("COMPLETED", settled(sending, unconfirmed.getString("id")).getString("outcome"));
        awaitDraftDeleted(mailbox);
        assertEquals(2, count(mailbox, "POST " + outgoing + "/send"), "the sender's Try again sent it");
    }

    @Test
    void aFlowStoppedBetweenSendAndDeleteResumesWithTheDeleteOnly() throws Exception {
        Sending sending = sender("ida", null, null);
        FakeMailbox mailbox = sending.mailbox();
        String deleteDraft = "DELETE " + mailbox.messages() + "/" + FakeMailbox.DRAFT;
        mailbox.always("DELETE", mailbox.messages() + "/" + FakeMailbox.DRAFT,
                FakeMicrosoft.graphError(503, "ServiceUnavailable", "Try again later.").withHeader("Retry-After", "0"));

        JsonObject flow = encrypt(sending, 201);
        assertEquals("COMPLETED", flow.getString("outcome"), "sent: the summary is complete");
        Instant limit = Instant.now().plusSeconds(30);
        while (count(mailbox, deleteDraft) < 4 && Instant.now().isBefore(limit)) {
            Thread.sleep(200);
        }
        mailbox.heal();
        // the task pane's polling (or the minute's schedule) takes the flow up where it stopped
        while (!mailbox.statuses(deleteDraft).contains(204) && Instant.now().isBefore(limit)) {
            sending.addin().get(sending.flows() + "/" + flow.getString("id"));
            Thread.sleep(500);
        }
        assertTrue(mailbox.statuses(deleteDraft).contains(204), mailbox.statuses(deleteDraft).toString());
        assertEquals(1, count(mailbox, "POST " + mailbox.messages() + "/" + FakeMailbox.OUTGOING + "/send"));
        assertEquals(flow, sending.addin().get(sending.flows() + "/" + flow.getString("id")).json());
    }

    @Test
    void aCopyGraphMadeAlthoughItsAnswerWasLostIsFoundByItsMessageIdAndDeleted() throws Exception {
        Sending sending = sender("iris", null, null);
        FakeMailbox mailbox = sending.mailbox();
        String create = "POST " + mailbox.messages();
        // Graph makes the message, but its answer comes after the service's 5 s timeout: never made again by itself;
        // Exchange has the copy in Drafts by then
        mailbox.first("POST", mailbox.messages(), 1, WireMock.aResponse().withStatus(201).withFixedDelay(7000)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"lostCopy\",\"isDraft\":true}"));
        mailbox.first("GET", mailbox.messages(), 1, WireMock.okJson("{\"value\":[{\"id\":\"lostCopy\",\"isDraft\":true}]}"));
        JsonObject lost = encrypt(sending, 201);
        assertEquals("FAILED", lost.getString("outcome"), lost.toString());
        assertTrue(lost.getBoolean("retryable"), lost.toString());
        Instant served = Instant.now().plusSeconds(10);
        while (count(mailbox, create) == 0 && Instant.now().isBefore(served)) {
            Thread.sleep(200); // WireMock lists a request once its late answer has gone out
        }
        String messageId = SealedMessages.mime(mailbox.createdMime()).getHeader("Message-ID", null);
        assertTrue(messageId.endsWith(".envelope@" + sending.who().domain() + ">"), messageId);
        assertTrue(mailbox.urls("GET " + mailbox.messages()).get(0).contains("internetMessageId eq '" + messageId + "'"),
                mailbox.urls("GET " + mailbox.messages()).toString());
        assertTrue(mailbox.calls().contains("DELETE " + mailbox.messages() + "/lostCopy"), mailbox.calls().toString());

        assertEquals(200, sending.addin().post(sending.flows() + "/" + lost.getString("id") + "/retry", null).status());
        assertEquals("COMPLETED", settled(sending, lost.getString("id")).getString("outcome"));
        assertEquals(2, count(mailbox, create), "made again once the copy was gone");
        assertEquals(1, count(mailbox, "POST " + mailbox.messages() + "/" + FakeMailbox.OUTGOING + "/send"));
    }

    @Test
    void aMessageOverGraphsRequestSizeGetsItsAttachmentThroughAnUploadSession() throws Exception {
        StringBuilder body = new StringBuilder();
        while (body.length() < 10 * 1024 * 1024) {
            body.append("Line of the ten megabyte report, ").append(body.length()).append(".\r\n");
        }
        Sending sending = sender("jan", null, null);
        FakeMailbox mailbox = new FakeMailbox(microsoft, sending.who().email(), sending.who().email(),
                draft(sending.who().email(), body.toString()));
        JsonObject flow = encrypt(new Sending(sending.who(), sending.addin(), mailbox), 201);
        assertEquals("COMPLETED", flow.getString("outcome"), flow.toString());
        awaitDraftDeleted(mailbox);
        String messages = mailbox.messages();
        List<String> calls = mailbox.calls();
        assertEquals(List.of("POST " + messages, "POST " + messages + "/" + FakeMailbox.OUTGOING
                + "/attachments/createUploadSession"), calls.subList(3, 5));
        List<String> chunks = calls.subList(5, calls.size() - 2);
        assertTrue(chunks.stream().allMatch(c -> c.startsWith("PUT /upload/")), calls.toString());
        assertTrue(chunks.size() >= 4, "chunks of at most 4 MB: " + calls);
        MimeMessage note = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mailbox.createdMime()));
        assertEquals(1, ((MimeMultipart) note.getContent()).getCount(), "the note alone in the first request");
        assertTrue(mailbox.createdMime().length < 100_000);
        String uploaded = new String(mailbox.uploaded(), StandardCharsets.US_ASCII);
        assertTrue(uploaded.startsWith("<!DOCTYPE html>") && uploaded.contains(note.getHeader(EnvelopeNotification.ENVELOPE_HEADER, null)));
    }

    @Test
    void aSmallMessageIsMadeInOneRequest() throws Exception {
        Sending sending = sender("kim", null, null);
        encrypt(sending, 201);
        awaitDraftDeleted(sending.mailbox());
        assertFalse(sending.mailbox().calls().stream().anyMatch(c -> c.contains("createUploadSession")));
    }

    @Test
    void anotherUsersMailboxIsRefusedBeforeAnythingIsRead() throws Exception {
        Sending sending = sender("lee", null, null);
        // Lee signs in to the add-in in Alice's mailbox (the same account serves both)
        String alice = "alice@" + sending.who().domain();
        senders.userWithPassword(sending.who().account(), alice);
        FakeMailbox alicesMailbox = new FakeMailbox(microsoft, alice, alice, draft(alice, "Alice's words."));
        ApiClient lee = senders.sender(senders.session(sending.who().email(), alice).getString("token"));

        JsonObject flow = encrypt(new Sending(sending.who(), lee, alicesMailbox), 201);
        assertEquals("FAILED", flow.getString("outcome"));
        assertEquals("mailbox_not_yours", flow.getString("failureCode"));
        assertFalse(flow.getBoolean("retryable"));
        assertTrue(step(flow, 2).getString("detail").contains("only from the signed-in sender's own mailbox"));
        assertFalse(alicesMailbox.calls().stream().anyMatch(c -> c.contains("/messages")), "nothing of hers was read");
    }

    @Test
    void failuresAreExplainedAndTryAgainIsOfferedWhereItCanWork() throws Exception {
        Sending sending = sender("max", null, null);
        FakeMailbox mailbox = sending.mailbox();
        String mime = mailbox.messages() + "/" + FakeMailbox.DRAFT + "/$value";
        mailbox.always("GET", mime, FakeMicrosoft.graphError(404, "ErrorItemNotFound",
                "The specified object was not found in the store."));
        JsonObject notFound = encrypt(sending, 201);
        assertEquals("draft_not_found", notFound.getString("failureCode"));
        assertTrue(notFound.getBoolean("retryable"));
        assertTrue(step(notFound, 2).getString("detail").contains("The draft was not found in your mailbox"));
        mailbox.heal();

        mailbox.always("POST", mailbox.messages(), FakeMicrosoft.graphError(403, "ErrorAccessDenied",
                "Access is denied. Check credentials and try again."));
        ApiClient.Reply retried = sending.addin().post(sending.flows() + "/" + notFound.getString("id") + "/retry", null);
        assertEquals(200, retried.status(), retried.body());
        JsonObject denied = settled(sending, notFound.getString("id"));
        assertEquals("permission_missing", denied.getString("failureCode"));
        assertFalse(denied.getBoolean("retryable"), "an administrator must add the permission first");
        assertTrue(step(denied, 3).getString("detail").contains("Mail.ReadWrite"), denied.toString());
        assertEquals(409, sending.addin().post(sending.flows() + "/" + notFound.getString("id") + "/retry", null).status());
        mailbox.heal();
        assertEquals(0, count(mailbox, "POST " + mailbox.messages() + "/" + FakeMailbox.OUTGOING + "/send"));
        assertFalse(mailbox.calls().contains("DELETE " + mailbox.messages() + "/" + FakeMailbox.DRAFT), "the draft is kept");
    }

    @Test
    void throttlingForTooLongFailsWithTryAgainWhichThenSends() throws Exception {
        Sending sending = sender("ned", null, null);
        FakeMailbox mailbox = sending.mailbox();
        mailbox.always("GET", mailbox.messages() + "/" + FakeMailbox.DRAFT + "/$value", FakeMicrosoft.graphError(429,
                "TooManyRequests", "Application is over its MailboxConcurrency limit.").withHeader("Retry-After", "3600"));
        JsonObject throttled = encrypt(sending, 201);
        assertEquals("throttled", throttled.getString("failureCode"));
        assertTrue(throttled.getBoolean("retryable"));
        mailbox.heal();
        assertEquals(200, sending.addin().post(sending.flows() + "/" + throttled.getString("id") + "/retry", null).status());
        assertEquals("COMPLETED", settled(sending, throttled.getString("id")).getString("outcome"));
    }

    @Test
    void encryptWithoutASavedDraftIsRefusedNamingTheField() {
        Sending sending = sender("ola", null, null);
        ApiClient.Reply refused = sending.addin().post(sending.flows(), null);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("messageId", refused.json().getString("field"));
    }
}
