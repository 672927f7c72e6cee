package org.openenvelope.recipient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.Mailboxes;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.openenvelope.testing.SealedMessages;
import org.openenvelope.testing.SendingAccount;
import org.openenvelope.testing.SmtpRelay;
import org.openenvelope.testing.TestMessages;
import org.openenvelope.testing.ViewerClient;

/**
 * Recipients over the viewer's API, as their browsers call it, with the mail they get read from a real SMTP
 * server (GreenMail): a one-time code opens an envelope once and its key decrypts the attachment's ciphertext to
 * the sender's message; registration and reset links survive mail scanners and are used up by the person's POST;
 * wrong passwords and unknown addresses read alike; the sender's lock, revocation and the recipient list are
 * enforced and audited; another site cannot call the API; the sender gets one read receipt per recipient; a
 * recipient whose domain an account with SAML has verified signs in at that account's IdP, which vouches for no
 * address beyond the account's verified Profiles.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipientApiIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = SmtpRelay.forTestClass();


    private static SendingAccount tenant;
    /** An account whose users sign in with SAML, at the test's scripted IdP; its domain is verified. */
    private static SendingAccount federated;
    private static ScriptedIdentityProvider federatedIdp;
    private static final String IDP_SIGN_IN = "https://idp.federated.example/sso";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    /** A sealed envelope and what its recipients got. */
    private record Sealed(String id, byte[] plaintext, MimeMessage notification, String sender, String to, String cc,
                          String bcc) {
        byte[] ciphertext() {
            return SealedMessages.ciphertext(notification);
        }
    }

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        if (tenant == null) {
            tenant = SendingAccount.create(base, "Recipients");
            federated = SendingAccount.create(base, "Federated recipients");
            // Test SSO, before Enable, signs in a user of the account; recipients need none
            federated.api().post("/api/v1/accounts/" + federated.number() + "/users", Json.createObjectBuilder()
                    .add("federationId", "admin@" + federated.domain()).build().toString());
            federatedIdp = ScriptedIdentityProvider.enable(federated.api(), base, federated.number(),
                    "admin@" + federated.domain(), IDP_SIGN_IN);
        }
    }

    private Sealed seal(String marker) {
        return seal(marker, "reader-" + marker + "@partner.example");
    }

    private Sealed seal(String marker, String to) {
        String cc = "copy-" + marker + "@partner.example";
        String bcc = "hidden-" + marker + "@elsewhere.example";
        String sender = "sender-" + marker + "@" + tenant.domain();
        byte[] plaintext = TestMessages.multipart(sender, "Reader <" + to + ">", cc, bcc, marker, new byte[]{1, 2, 3});
        HttpResponse<byte[]> sealed = tenant.api().exchange("POST", "/api/v1/accounts/" + tenant.number() + "/envelopes",
                plaintext, "message/rfc822", "message/rfc822");
        assertEquals(201, sealed.statusCode(), new String(sealed.body(), StandardCharsets.UTF_8));
        MimeMessage notification = SealedMessages.mime(sealed.body());
        return new Sealed(SealedMessages.envelopeId(notification), plaintext, notification, sender, to, cc, bcc);
    }

    private static String marker() {
        return Fixtures.unique("r").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    private ViewerClient signedInWithCode(Sealed envelope, String address) {
        ViewerClient browser = new ViewerClient(base);
        assertEquals(202, browser.requestCode(address, envelope.id()).status());
        String code = Mailboxes.code(Mailboxes.await(SMTP, address, "Your code", MAIL_WAIT));
        ViewerClient.Answer signedIn = browser.signInWithCode(address, code);
        assertEquals(200, signedIn.status(), signedIn.toString());
        return browser;
    }

    /** What the viewer does with WebCrypto, done with the JDK: the released key and associated data open the ciphertext. */
    private static byte[] decrypt(JsonObject released, byte[] ciphertext, String aadName) throws Exception {
        byte[] header = Arrays.copyOfRange(ciphertext, 0, 15);
        assertEquals('O', header[0]);
        assertEquals('E', header[1]);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(released.getString("key")), "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(ciphertext, 3, 15)));
        cipher.updateAAD(Base64.getDecoder().decode(aadName));
        cipher.updateAAD(header);
        return cipher.doFinal(ciphertext, 15, ciphertext.length - 15);
    }

    private List<JsonObject> audit() {
        return tenant.api().get("/api/v1/accounts/" + tenant.number() + "/audit?size=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void aOneTimeCodeOpensTheEnvelopeOnceAndItsKeyDecryptsTheAttachmentToTheSendersMessage() throws Exception {
        Sealed envelope = seal(marker());
        ViewerClient browser = new ViewerClient(base);
        ViewerClient.Answer asked = browser.requestCode(envelope.to(), envelope.id());
        assertEquals(202, asked.status(), asked.toString());
        MimeMessage mail = Mailboxes.await(SMTP, envelope.to(), "Your code", MAIL_WAIT);
        assertTrue(Mailboxes.text(mail).contains(envelope.sender()), "the code's mail says who sent the envelope");
        String code = Mailboxes.code(mail);
        assertEquals("code_wrong", browser.signInWithCode(envelope.to(), code.equals("00000000") ? "11111111" : "00000000")
                .json().getString("code"));
        assertEquals(401, browser.key(envelope.id()).status(), "no key before signing in");

        ViewerClient.Answer signedIn = browser.signInWithCode(envelope.to().toUpperCase(), code.substring(0, 4) + " "
                + code.substring(4));
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(envelope.to(), signedIn.json().getString("address"));
        assertEquals("CODE", browser.session().json().getString("method"));

        ViewerClient.Answer key = browser.key(envelope.id());
        assertEquals(200, key.status(), key.toString());
        JsonObject released = key.json();
        assertEquals(envelope.sender(), released.getString("sender"));
        byte[] message = decrypt(released, envelope.ciphertext(), released.getString("messageAad"));
        String text = new String(message, StandardCharsets.UTF_8);
        assertTrue(text.contains("Quarterly numbers"), "the sender's message");
        assertFalse(text.contains(envelope.bcc()), "without its Bcc field");
        JsonObject subject = released.getJsonObject("subject");
        assertTrue(new String(decrypt(released, Base64.getDecoder().decode(subject.getString("ciphertext")),
                subject.getString("aad")), StandardCharsets.UTF_8).startsWith("Board pack "));
        List<String> shown = released.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("address")).toList();
        assertEquals(List.of(envelope.to(), envelope.cc()), shown, "Bcc recipients are never shown to others");

        byte[] swapped = envelope.ciphertext();
        swapped[swapped.length - 20] ^= 1;
        assertThrowsTampered(released, swapped);

        ViewerClient another = new ViewerClient(base);
        assertEquals(401, another.signInWithCode(envelope.to(), code).status(), "a code works once");

        MimeMessage receipt = Mailboxes.await(SMTP, envelope.sender(), "Opened: your secure message to " + envelope.to(),
                MAIL_WAIT);
        assertFalse(Mailboxes.text(receipt).contains("Board pack"), "a receipt never names the subject");
        assertEquals(200, browser.key(envelope.id()).status(), "opening again");
        Thread.sleep(1000);
        assertEquals(1, Mailboxes.to(SMTP, envelope.sender(), "Opened: your secure message to " + envelope.to()).size(),
                "one receipt per recipient");

        JsonObject opened = audit().stream().filter(e -> e.getString("action").equals("envelope.opened")
                && e.getString("detail").contains(envelope.id())).findFirst().orElseThrow();
        assertEquals(envelope.to(), opened.getString("actor"));
        assertEquals("127.0.0.1", opened.getString("sourceAddress"));
        assertTrue(opened.getString("detail").contains("Java-http-client"), opened.getString("detail"));

        assertEquals(204, browser.signOut().status());
        assertEquals(401, browser.key(envelope.id()).status(), "signed out");
    }

    private static void assertThrowsTampered(JsonObject released, byte[] ciphertext) {
        try {
            decrypt(released, ciphertext, released.getString("messageAad"));
        } catch (javax.crypto.AEADBadTagException expected) {
            return;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("an altered ciphertext decrypted");
    }

    @Test
    void aBccRecipientOpensItToo() {
        Sealed envelope = seal(marker());
        ViewerClient browser = signedInWithCode(envelope, envelope.bcc());
        JsonObject released = browser.key(envelope.id()).json();
        List<String> shown = released.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("address")).toList();
        assertEquals(List.of(envelope.to(), envelope.cc(), envelope.bcc()), shown, "a Bcc recipient sees only themself added");
    }

    @Test
    void codesAndLinksGoOnlyToRecipientsAndTheAnswerReadsTheSameForAnyAddress() throws Exception {
        Sealed envelope = seal(marker());
        String stranger = "stranger-" + marker() + "@partner.example";
        ViewerClient browser = new ViewerClient(base);
        ViewerClient.Answer forRecipient = browser.requestCode(envelope.cc(), envelope.id());
        assertEquals(202, forRecipient.status(), forRecipient.toString());
        assertEquals(forRecipient, browser.requestCode(stranger, envelope.id()));
        assertEquals(forRecipient, browser.requestCode(envelope.to(), "AAAAAAAAAAAAAAAAAAAAAA"), "an unknown envelope");
        assertEquals(browser.register(envelope.cc(), envelope.id()), browser.register(stranger, envelope.id()));
        assertEquals(browser.resetPassword(envelope.cc(), envelope.id()), browser.resetPassword(stranger, envelope.id()));

        Mailboxes.await(SMTP, envelope.cc(), "Your code", MAIL_WAIT);
        Mailboxes.await(SMTP, envelope.cc(), "Set up your password", MAIL_WAIT);
        Thread.sleep(2000);
        assertTrue(Mailboxes.to(SMTP, envelope.to(), "Your code").isEmpty(), "no code for an envelope that does not exist");
        assertTrue(Mailboxes.to(SMTP, stranger, "").isEmpty(), "nothing is mailed to an address that is no recipient");
        assertTrue(Mailboxes.to(SMTP, envelope.cc(), "Choose a new password").isEmpty(), "no reset for an unregistered address");

        ViewerClient.Answer malformed = browser.requestCode("not an address", envelope.id());
        assertEquals(400, malformed.status());
        assertEquals("address", malformed.json().getString("field"));
        // another spelling of the same mailbox (a soft hyphen, which IDNA drops) counts against the same limit
        ViewerClient.Answer limited = browser.requestCode(envelope.cc().toUpperCase().replace("PARTNER", "PART\u00ADNER"),
                envelope.id());
        assertEquals(429, limited.status(), "three mails per address and minute, then the limit: " + limited);
        assertEquals(1, Mailboxes.to(SMTP, envelope.cc(), "Your code").size());
    }

    @Test
    void registrationLinksSurviveMailScannersAndThePasswordThenSignsIn() {
        Sealed envelope = seal(marker());
        String address = envelope.to();
        ViewerClient browser = new ViewerClient(base);
        assertEquals(202, browser.register(address, envelope.id()).status());
        String link = Mailboxes.passwordLink(Mailboxes.await(SMTP, address, "Set up your password", MAIL_WAIT));
        String path = URI.create(link).getRawPath().substring(base.getRawPath().length()) + "?" + URI.create(link).getRawQuery();
        String token = link.substring(link.indexOf("token=") + 6);

        ViewerClient scanner = new ViewerClient(base);
        assertEquals(200, scanner.page("GET", path, null).statusCode(), "a scanner's GET only shows the page");
        HttpResponse<String> page = browser.page("GET", path, null);
        assertEquals(200, page.statusCode(), "and leaves the link working");
        assertEquals(address, Jsoup.parse(page.body()).getElementById("link-address").text());

        HttpResponse<String> differ = browser.page("POST", "envelope/password", form(token, "correct horse battery", "correct horse batterz"));
        assertEquals(400, differ.statusCode());
        assertFieldError(differ, "confirmation", "differ");
        HttpResponse<String> tooShort = browser.page("POST", "envelope/password", form(token, "short", "short"));
        assertEquals(400, tooShort.statusCode());
        assertFieldError(tooShort, "password", "at least 12");

        HttpResponse<String> saved = browser.page("POST", "envelope/password", form(token, "correct horse battery", "correct horse battery"));
        assertEquals(200, saved.statusCode(), saved.body());
        Document done = Jsoup.parse(saved.body());
        assertTrue(done.getElementById("open-envelope").attr("href").endsWith("/envelope/open?envelope=" + envelope.id()));
        assertEquals("PASSWORD", browser.session().json().getString("method"), "the link's browser is signed in");
        assertEquals(404, scanner.page("GET", path, null).statusCode(), "the link is used up");

        ViewerClient later = new ViewerClient(base);
        ViewerClient.Answer wrong = later.signInWithPassword(address, "correct horse batterz");
        ViewerClient.Answer unknown = later.signInWithPassword("nobody-" + marker() + "@partner.example", "correct horse battery");
        assertEquals(401, wrong.status());
        assertEquals(wrong, unknown, "a wrong password and an unknown address read alike");
        assertEquals(200, later.signInWithPassword(address.toUpperCase(), "correct horse battery").status());
        assertEquals(200, later.key(envelope.id()).status());

        // a reset ends every other session of the address
        assertEquals(202, later.resetPassword(address, envelope.id()).status());
        String reset = Mailboxes.passwordLink(Mailboxes.await(SMTP, address, "Choose a new password", MAIL_WAIT));
        ViewerClient resetting = new ViewerClient(base);
        assertEquals(200, resetting.page("POST", "envelope/password",
                form(reset.substring(reset.indexOf("token=") + 6), "a new and longer phrase", "a new and longer phrase")).statusCode());
        assertEquals(401, later.session().status(), "the old password's session ended");
        assertEquals(401, browser.session().status());
        assertEquals(401, new ViewerClient(base).signInWithPassword(address, "correct horse battery").status());
        assertEquals(200, new ViewerClient(base).signInWithPassword(address, "a new and longer phrase").status());
    }

    @Test
    void repeatedWrongPasswordsPauseSignInAndThePauseReadsLikeAWrongPassword() {
        Sealed envelope = seal(marker());
        String address = envelope.cc();
        ViewerClient browser = new ViewerClient(base);
        browser.register(address, envelope.id());
        String link = Mailboxes.passwordLink(Mailboxes.await(SMTP, address, "Set up your password", MAIL_WAIT));
        assertEquals(200, browser.page("POST", "envelope/password",
                form(link.substring(link.indexOf("token=") + 6), "staple paper clip", "staple paper clip")).statusCode());
        ViewerClient attacker = new ViewerClient(base);
        ViewerClient.Answer wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = attacker.signInWithPassword(address, "guess number " + i);
            assertEquals(401, wrong.status());
        }
        ViewerClient.Answer paused = attacker.signInWithPassword(address, "staple paper clip");
        assertEquals(wrong, paused, "locked: the right password is refused, in the same words");
    }

    @Test
    void theEnvelopesOwnRulesDecideAndEveryRefusalIsAudited() {
        Sealed envelope = seal(marker());
        Sealed other = seal(marker());
        ViewerClient reader = signedInWithCode(envelope, envelope.to());

        ViewerClient.Answer notForThem = reader.key(other.id());
        assertEquals(403, notForThem.status());
        assertEquals("not_a_recipient", notForThem.json().getString("code"));
        assertEquals(404, reader.key("AAAAAAAAAAAAAAAAAAAAAA").status());

        String envelopes = "/api/v1/accounts/" + tenant.number() + "/envelopes/" + envelope.id();
        assertEquals(200, tenant.api().post(envelopes + "/lock", "{\"reason\":\"Sent to the wrong team\"}").status());
        ViewerClient.Answer locked = reader.key(envelope.id());
        assertEquals(403, locked.status());
        assertEquals("locked", locked.json().getString("code"));
        assertEquals("Sent to the wrong team", locked.json().getString("reason"));
        assertEquals(200, tenant.api().delete(envelopes + "/lock").status());
        assertEquals(200, reader.key(envelope.id()).status(), "unlocked");

        assertEquals(200, tenant.api().post(envelopes + "/revocations", "{\"recipient\":\"" + envelope.to() + "\"}").status());
        ViewerClient.Answer revoked = reader.key(envelope.id());
        assertEquals("revoked", revoked.json().getString("code"));
        assertFalse(revoked.json().containsKey("reason"));

        List<String> refusals = audit().stream().filter(e -> e.getString("action").equals("envelope.open-refused"))
                .map(e -> e.getString("detail")).toList();
        assertTrue(refusals.stream().anyMatch(d -> d.contains(other.id()) && d.contains("not_a_recipient")), refusals.toString());
        assertTrue(refusals.stream().anyMatch(d -> d.contains(envelope.id()) && d.contains("locked")), refusals.toString());
        assertTrue(refusals.stream().anyMatch(d -> d.contains(envelope.id()) && d.contains("revoked")), refusals.toString());
    }

    @Test
    void anotherSiteCannotSignInNorTakeAKey() {
        Sealed envelope = seal(marker());
        ViewerClient browser = signedInWithCode(envelope, envelope.to());
        JsonObject body = Json.createObjectBuilder().add("address", envelope.to()).add("envelope", envelope.id()).build();
        assertEquals(403, browser.postFrom("https://evil.example", "sign-in/code", body).status());
        assertEquals(403, browser.postFrom(null, "envelopes/" + envelope.id() + "/key", Json.createObjectBuilder().build()).status());
        assertEquals(403, browser.postFrom("https://evil.example", "envelopes/" + envelope.id() + "/key",
                Json.createObjectBuilder().build()).status());
        assertEquals(413, browser.postChunked("envelopes/" + envelope.id() + "/replies", new byte[1024]).status(),
                "a body that says not how large it is");
        String cookie = browser.cookie("OE_RECIPIENT_SESSION").orElseThrow();
        assertNotEquals("", cookie);
    }

    @Test
    void theViewerPageShowsTheServicesRecordAndTakesTheAttachmentsFormPost() {
        Sealed envelope = seal(marker());
        ViewerClient browser = new ViewerClient(base);
        HttpResponse<String> page = browser.page("GET", "envelope/open?envelope=" + envelope.id(), null);
        assertEquals(200, page.statusCode());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self';"));
        assertTrue(page.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
        Document viewer = Jsoup.parse(page.body());
        assertEquals(envelope.sender(), viewer.getElementById("record-sender").text());
        assertEquals(envelope.id(), viewer.getElementById("viewer").attr("data-envelope"));
        assertEquals("", viewer.getElementById("posted-ciphertext").text(), "a GET carries no ciphertext");

        String ciphertext = Base64.getMimeEncoder().encodeToString(envelope.ciphertext());
        HttpResponse<String> posted = browser.page("POST", "envelope/open", "envelope=" + envelope.id() + "&ciphertext="
                + URLEncoder.encode(ciphertext, StandardCharsets.UTF_8));
        assertEquals(200, posted.statusCode());
        assertArrayEquals(envelope.ciphertext(), Base64.getMimeDecoder().decode(
                Jsoup.parse(posted.body()).getElementById("posted-ciphertext").text()));

        assertEquals(404, browser.page("GET", "envelope/open?envelope=AAAAAAAAAAAAAAAAAAAAAA", null).statusCode());
        assertEquals(404, browser.page("GET", "envelope/open?envelope=%3Cscript%3E", null).statusCode());
        assertEquals(400, browser.page("POST", "envelope/open", "envelope=" + envelope.id() + "&ciphertext=%3Cscript%3E")
                .statusCode());
    }

    @Test
    void secureReplyReplyAllAndForwardAreEnvelopesOfTheirOwn() throws Exception {
        String marker = marker();
        Sealed envelope = seal(marker);
        ViewerClient reader = signedInWithCode(envelope, envelope.to());

        ViewerClient.Answer replied = reader.reply(envelope.id(), Json.createObjectBuilder().add("kind", "REPLY")
                .add("subject", "Board pack " + marker).add("text", "Received, thanks " + marker)
                .add("inReplyTo", "<" + marker + "@client.example>").build());
        assertEquals(201, replied.status(), replied.toString());
        assertEquals(List.of(envelope.sender()), strings(replied.json(), "to"));
        String replyId = replied.json().getString("envelope");
        MimeMessage notification = Mailboxes.await(SMTP, envelope.sender(), "Re: Board pack " + marker, MAIL_WAIT);
        assertEquals(replyId, SealedMessages.envelopeId(notification));
        assertFalse(Mailboxes.text(notification).contains("Received, thanks"), "the reply travels encrypted");

        ViewerClient sender = signedInWithCode(new Sealed(replyId, null, notification, envelope.to(), envelope.sender(),
                null, null), envelope.sender());
        JsonObject released = sender.key(replyId).json();
        assertEquals(envelope.to(), released.getString("sender"), "from the recipient's proven address");
        String text = new String(decrypt(released, SealedMessages.ciphertext(notification), released.getString("messageAad")),
                StandardCharsets.UTF_8);
        assertTrue(text.contains("Received, thanks " + marker), text);
        assertTrue(text.contains("In-Reply-To: <" + marker + "@client.example>"), text);

        ViewerClient.Answer all = reader.reply(envelope.id(), Json.createObjectBuilder().add("kind", "REPLY_ALL")
                .add("subject", "Board pack " + marker).add("text", "To everyone").build());
        assertEquals(201, all.status(), all.toString());
        assertEquals(List.of(envelope.sender(), envelope.cc()), strings(all.json(), "to"),
                "the sender and the other To and Cc recipients; never a Bcc recipient, nor the replier");

        assertEquals("to", reader.reply(envelope.id(), Json.createObjectBuilder().add("kind", "FORWARD").add("text", "FYI")
                .build()).json().getString("field"));
        String colleague = "colleague-" + marker + "@partner.example";
        ViewerClient.Answer forwarded = reader.reply(envelope.id(), Json.createObjectBuilder().add("kind", "FORWARD")
                .add("to", Json.createArrayBuilder().add(colleague)).add("subject", "Your bank account is blocked")
                .add("text", "FYI")
                .add("original", Base64.getEncoder().encodeToString(envelope.plaintext())).build());
        assertEquals(201, forwarded.status(), forwarded.toString());
        JsonObject record = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/envelopes/"
                + forwarded.json().getString("envelope")).json();
        assertEquals(envelope.to(), record.getString("sender"));
        assertEquals(List.of(colleague), record.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("address")).toList());
        Mailboxes.await(SMTP, colleague, "Fwd: Board pack " + marker, MAIL_WAIT);
        assertTrue(Mailboxes.to(SMTP, colleague, "Fwd: Your bank").isEmpty(), "the subject is the record's, never the browser's");

        assertEquals("kind", reader.reply(envelope.id(), Json.createObjectBuilder().add("kind", "SHOUT").add("text", "x")
                .build()).json().getString("field"));
        assertEquals(200, tenant.api().post("/api/v1/accounts/" + tenant.number() + "/envelopes/" + envelope.id()
                + "/revocations", "{\"recipient\":\"" + envelope.to() + "\"}").status());
        assertEquals(403, reader.reply(envelope.id(), Json.createObjectBuilder().add("kind", "REPLY").add("text", "late")
                .build()).status(), "no reply once revoked for them");
        assertTrue(audit().stream().anyMatch(e -> e.getString("action").equals("envelope.replied")
                && e.getString("detail").contains(replyId)));
    }

    @Test
    void theAccountsFeaturesDecideAnswersReceiptsExpirySizeAndHowRecipientsSignIn() throws Exception {
        SendingAccount strict = SendingAccount.create(base, "Strict features");
        String features = "/api/v1/accounts/" + strict.number() + "/features";
        JsonObject defaults = strict.api().get(features).json();
        assertTrue(defaults.getJsonObject("features").getBoolean("forward"), defaults.toString());
        assertFalse(defaults.containsKey("updatedAt") && !defaults.isNull("updatedAt"), "the service's defaults");

        ApiClient.Reply refused = strict.api().send("PUT", features, Json.createObjectBuilder().add("secureReply", true)
                .add("replyAll", true).add("forward", true).add("readReceipts", true).add("defaultExpiryDays", 40)
                .add("maxExpiryDays", 30).add("maxMessageMegabytes", 100000).add("passwordSignIn", false)
                .add("codeSignIn", false).add("ssoSignIn", true).build().toString());
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("defaultExpiryDays", "maxMessageMegabytes", "codeSignIn"), refused.json()
                .getJsonArray("problems").getValuesAs(JsonObject.class).stream().map(p -> p.getString("field")).toList());
        assertEquals("secureReply", strict.api().send("PUT", features, "{\"replyAll\":true}").json()
                .getJsonArray("problems").getJsonObject(0).getString("field"), "a missing switch is named");

        JsonObject chosen = Json.createObjectBuilder().add("secureReply", true).add("replyAll", false).add("forward", false)
                .add("readReceipts", false).add("defaultExpiryDays", 7).add("maxExpiryDays", 30).add("maxMessageMegabytes", 1)
                .add("passwordSignIn", true).add("codeSignIn", false).add("ssoSignIn", true).build();
        ApiClient.Reply saved = strict.api().send("PUT", features, chosen.toString());
        assertEquals(200, saved.status(), saved.body());
        assertFalse(saved.json().getJsonObject("features").getBoolean("forward"));

        // a new envelope expires after the default; no sender may set it beyond the longest
        String marker = marker();
        String sender = "sender-" + marker + "@" + strict.domain();
        String reader = "reader-" + marker + "@partner.example";
        HttpResponse<byte[]> sealed = strict.api().exchange("POST", strict.envelopes(),
                TestMessages.multipart(sender, reader, "cc-" + marker + "@partner.example", null, marker, new byte[]{1}),
                "message/rfc822", "message/rfc822");
        assertEquals(201, sealed.statusCode());
        String id = SealedMessages.envelopeId(SealedMessages.mime(sealed.body()));
        Instant expires = Instant.parse(strict.api().get(strict.envelope(id)).json().getString("expiresAt"));
        assertTrue(Duration.between(Instant.now().plus(Duration.ofDays(7)), expires).abs().toMinutes() < 5, expires.toString());
        ApiClient.Reply tooLate = strict.api().send("PUT", strict.envelope(id) + "/expiry", "{\"expiresAt\":\""
                + Instant.now().plus(Duration.ofDays(40)) + "\"}");
        assertEquals(400, tooLate.status());
        assertEquals("expiresAt", tooLate.json().getString("field"));
        assertEquals(400, strict.api().send("PUT", strict.envelope(id) + "/expiry", "{\"expiresAt\":null}").status(),
                "never expiring is beyond any limit");
        assertEquals(200, strict.api().send("PUT", strict.envelope(id) + "/expiry", "{\"expiresAt\":\""
                + Instant.now().plus(Duration.ofDays(20)) + "\"}").status());
        HttpResponse<byte[]> large = strict.api().exchange("POST", strict.envelopes(), TestMessages.multipart(sender,
                reader, null, null, marker, new byte[1_200_000]), "message/rfc822", "message/rfc822");
        assertEquals(413, large.statusCode(), "over the account's 1 MB");

        // a one-time code does not open it while the account allows only passwords and SSO
        Sealed envelope = new Sealed(id, null, SealedMessages.mime(sealed.body()), sender, reader, null, null);
        ViewerClient browser = signedInWithCode(envelope, reader);
        ViewerClient.Answer notAllowed = browser.key(id);
        assertEquals(403, notAllowed.status(), notAllowed.toString());
        assertEquals("sign_in_method_not_allowed", notAllowed.json().getString("code"));

        // with codes allowed again, only Secure Reply is offered and taken, and the sender gets no read receipt
        assertEquals(200, strict.api().send("PUT", features, Json.createObjectBuilder(chosen).add("codeSignIn", true)
                .build().toString()).status());
        JsonObject released = browser.key(id).json();
        assertEquals(List.of("REPLY"), strings(released, "replies"));
        ViewerClient.Answer forward = browser.reply(id, Json.createObjectBuilder().add("kind", "FORWARD")
                .add("to", Json.createArrayBuilder().add("colleague-" + marker + "@partner.example")).add("text", "FYI")
                .add("original", Base64.getEncoder().encodeToString(new byte[]{1})).build());
        assertEquals(409, forward.status(), forward.toString());
        assertEquals("kind", forward.json().getString("field"));
        assertEquals(201, browser.reply(id, Json.createObjectBuilder().add("kind", "REPLY").add("text", "Thanks")
                .build()).status());
        Mailboxes.await(SMTP, sender, "Re:", MAIL_WAIT);
        assertTrue(Mailboxes.to(SMTP, sender, "Opened:").isEmpty(), "read receipts are off");
        String audit = strict.api().get("/api/v1/accounts/" + strict.number() + "/audit?size=50").body();
        assertTrue(audit.contains("account.features-changed") && audit.contains("Reply All on → off"), audit);
    }

    @Test
    void theAccountsSecurityDecidesPasswordsPausesAndThePageWithoutJavaScript() throws Exception {
        SendingAccount guarded = SendingAccount.create(base, "Guarded security");
        String security = "/api/v1/accounts/" + guarded.number() + "/security";
        assertEquals(12, guarded.api().get(security).json().getJsonObject("security").getInt("passwordMinLength"));
        ApiClient.Reply refused = guarded.api().send("PUT", security, Json.createObjectBuilder().add("passwordMinLength", 8)
                .add("rejectCommonPasswords", true).add("freeAttempts", 1).add("firstLockMinutes", 1)
                .add("sessionMinutes", 2000).add("noScriptReading", false).build().toString());
        assertEquals(List.of("passwordMinLength", "freeAttempts", "sessionMinutes"), refused.json().getJsonArray("problems")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("field")).toList());
        assertEquals(200, guarded.api().send("PUT", security, Json.createObjectBuilder().add("passwordMinLength", 16)
                .add("rejectCommonPasswords", true).add("freeAttempts", 3).add("firstLockMinutes", 1)
                .add("sessionMinutes", 60).add("noScriptReading", false).build().toString()).status());

        // a recipient who chose a 12-character password for another account's envelope must choose a longer one
        String marker = marker();
        String reader = "reader-" + marker + "@partner.example";
        Sealed other = seal(marker, reader);
        ViewerClient browser = new ViewerClient(base);
        browser.register(reader, other.id());
        String link = Mailboxes.passwordLink(Mailboxes.await(SMTP, reader, "Set up your password", MAIL_WAIT));
        assertEquals(200, browser.page("POST", "envelope/password", form(link.substring(link.indexOf("token=") + 6),
                "twelve chars", "twelve chars")).statusCode());
        HttpResponse<byte[]> sealed = guarded.api().exchange("POST", guarded.envelopes(), TestMessages.multipart(
                "sender-" + marker + "@" + guarded.domain(), reader, null, null, marker, new byte[]{1}),
                "message/rfc822", "message/rfc822");
        String id = SealedMessages.envelopeId(SealedMessages.mime(sealed.body()));
        ViewerClient.Answer shorter = browser.key(id);
        assertEquals(403, shorter.status(), shorter.toString());
        assertEquals("password_policy_not_met", shorter.json().getString("code"));
        assertEquals(200, browser.key(other.id()).status(), "the other account's envelope still opens");

        // choosing a new one through the guarded envelope's link: its policy decides
        browser.resetPassword(reader, id);
        String reset = Mailboxes.passwordLink(Mailboxes.await(SMTP, reader, "Choose a new password", MAIL_WAIT));
        String token = reset.substring(reset.indexOf("token=") + 6);
        assertFieldError(browser.page("POST", "envelope/password", form(token, "fifteen letters", "fifteen letters")),
                "password", "requires at least 16");
        assertFieldError(browser.page("POST", "envelope/password", form(token, "passwordpassword", "passwordpassword")),
                "password", "most common ones");
        assertEquals(200, browser.page("POST", "envelope/password", form(token, "a long guarded passphrase",
                "a long guarded passphrase")).statusCode());
        assertEquals(200, browser.key(id).status());

        // three wrong passwords pause sign-in for the guarded envelope
        ViewerClient attacker = new ViewerClient(base);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, attacker.signInWithPassword(reader, "guess number " + i, id).status());
        }
        assertEquals(401, attacker.signInWithPassword(reader, "a long guarded passphrase", id).status(), "paused");

        // the page without JavaScript is not offered the message
        HttpResponse<String> plain = browser.page("POST", "envelope/plain", "envelope=" + id + "&ciphertext="
                + URLEncoder.encode(Base64.getMimeEncoder().encodeToString(SealedMessages.ciphertext(
                SealedMessages.mime(sealed.body()))), StandardCharsets.UTF_8));
        assertEquals(403, plain.statusCode(), plain.body());
        assertEquals("no_script_not_allowed", Jsoup.parse(plain.body()).getElementById("refusal").attr("data-refusal"));
        String audit = guarded.api().get("/api/v1/accounts/" + guarded.number() + "/audit").body();
        assertTrue(audit.contains("account.security-changed"), audit);
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void withoutJavaScriptPlainFormsCarryTheCiphertextAndTheServerShowsTheMessageOnce() {
        Sealed envelope = seal(marker());
        ViewerClient browser = new ViewerClient(base);
        String carried = "envelope=" + envelope.id() + "&ciphertext=" + URLEncoder.encode(
                Base64.getMimeEncoder().encodeToString(envelope.ciphertext()), StandardCharsets.UTF_8);
        Document viewer = Jsoup.parse(browser.page("POST", "envelope/open", carried).body());
        assertTrue(viewer.getElementById("plain-form").attr("action").endsWith("/envelope/plain"),
                "the attachment's post leads on to the fallback");

        Document address = Jsoup.parse(browser.page("POST", "envelope/plain", carried).body());
        assertTrue(address.getElementById("address") != null, address.text());
        assertEquals(envelope.id(), address.selectFirst("input[name=envelope]").val());
        String withAddress = carried + "&address=" + URLEncoder.encode(envelope.cc(), StandardCharsets.UTF_8);
        HttpResponse<String> codePage = browser.page("POST", "envelope/plain", withAddress);
        assertEquals(200, codePage.statusCode());
        String code = Mailboxes.code(Mailboxes.await(SMTP, envelope.cc(), "Your code", MAIL_WAIT));
        HttpResponse<String> wrong = browser.page("POST", "envelope/plain", withAddress + "&code="
                + (code.equals("00000000") ? "11111111" : "00000000"));
        assertEquals(401, wrong.statusCode());
        assertTrue(Jsoup.parse(wrong.body()).getElementById("code-error").text().contains("wrong"));

        HttpResponse<String> read = browser.page("POST", "envelope/plain", withAddress + "&code=" + code);
        assertEquals(200, read.statusCode(), read.body());
        Document message = Jsoup.parse(read.body());
        assertTrue(message.title().startsWith("Board pack "), message.title());
        assertTrue(message.getElementById("body-text").text().contains("Quarterly numbers"));
        assertTrue(message.getElementById("attachments").text().contains(".bin"));
        assertTrue(message.select("script, img, a[download]").isEmpty(), "display only, nothing runs or loads");
        assertTrue(read.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertEquals("CODE", browser.session().json().getString("method"), "signed in for the next message");
        assertTrue(audit().stream().anyMatch(e -> e.getString("action").equals("envelope.opened")
                && e.getString("detail").contains(envelope.id()) && e.getString("actor").equals(envelope.cc())));

        byte[] altered = envelope.ciphertext();
        altered[40] ^= 1;
        assertEquals(400, browser.page("POST", "envelope/plain", "envelope=" + envelope.id() + "&ciphertext="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(altered), StandardCharsets.UTF_8)).statusCode());
        assertEquals(403, browser.page("POST", "envelope/plain", carried.replace(envelope.id(), seal(marker()).id()))
                .statusCode(), "another envelope's record refuses someone it is not addressed to");
    }

    private static String form(String token, String password, String confirmation) {
        return "token=" + token + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&confirmation="
                + URLEncoder.encode(confirmation, StandardCharsets.UTF_8);
    }

    private static void assertFieldError(HttpResponse<String> page, String field, String words) {
        String error = Jsoup.parse(page.body()).getElementById(field + "-error").text();
        assertTrue(error.contains(words), error);
    }

    /** The recipient's browser: from the viewer's sign-in to the organisation's IdP, and back with its answer. */
    private ViewerClient.Answer signInAtTheIdentityProvider(ViewerClient browser, Sealed envelope, String vouchedFor,
                                                            String[] acsLocation) {
        ViewerClient.Answer method = browser.signInMethod(envelope.to(), envelope.id());
        assertEquals(200, method.status(), method.toString());
        assertEquals("SSO", method.json().getString("method"), method.toString());
        HttpResponse<String> toIdp = browser.page("GET", method.json().getString("location"), null);
        assertEquals(302, toIdp.statusCode(), toIdp.body());
        URI atIdp = URI.create(toIdp.headers().firstValue("Location").orElseThrow());
        assertTrue(atIdp.toString().startsWith(IDP_SIGN_IN + "?SAMLRequest="), atIdp.toString());
        HttpResponse<String> acs = browser.page("POST", "saml/" + federated.number() + "/acs", "SAMLResponse="
                + URLEncoder.encode(federatedIdp.answerTo(ScriptedIdentityProvider.requestId(atIdp), vouchedFor),
                StandardCharsets.UTF_8));
        acsLocation[0] = acs.headers().firstValue("Location").orElse("");
        return new ViewerClient.Answer(acs.statusCode(), acs.body());
    }

    @Test
    void aRecipientAtAFederatedDomainSignsInAtTheOrganisationsIdentityProviderAndOpensTheEnvelope() throws Exception {
        String marker = marker();
        Sealed envelope = seal(marker, "bob-" + marker + "@" + federated.domain());
        ViewerClient browser = new ViewerClient(base);
        JsonObject method = browser.signInMethod(envelope.to().toUpperCase(), envelope.id()).json();
        assertTrue(method.getString("organisation").startsWith("Federated recipients"), method.toString());
        assertEquals(base.getPath() + "saml/" + federated.number() + "/recipient?envelope=" + envelope.id()
                + "&idp=primary", method.getString("location"));
        assertEquals("CODE_OR_PASSWORD", browser.signInMethod(envelope.cc(), envelope.id()).json().getString("method"),
                "a domain no SAML account has verified signs in by code or password");
        ViewerClient.Answer badEnvelope = browser.signInMethod(envelope.to(), "../admin");
        assertEquals(400, badEnvelope.status());
        assertEquals("envelope", badEnvelope.json().getString("field"));

        String[] location = new String[1];
        ViewerClient.Answer acs = signInAtTheIdentityProvider(browser, envelope, envelope.to(), location);
        assertEquals(303, acs.status(), acs.toString());
        assertEquals(base.getPath() + "envelope/open?envelope=" + envelope.id(), location[0], "back to the envelope");
        JsonObject session = browser.session().json();
        assertEquals("SSO", session.getString("method"));
        assertEquals(envelope.to(), session.getString("address"));
        assertTrue(browser.cookie("OE_USER_SESSION").isEmpty(), "a recipient is no user of the account's portal");

        ViewerClient.Answer key = browser.key(envelope.id());
        assertEquals(200, key.status(), key.toString());
        String text = new String(decrypt(key.json(), envelope.ciphertext(), key.json().getString("messageAad")),
                StandardCharsets.UTF_8);
        assertTrue(text.contains("Quarterly numbers"), "the sender's message");

        JsonObject signedIn = federated.api().get("/api/v1/accounts/" + federated.number() + "/audit?size=100").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("recipient.signed-in")).findFirst().orElseThrow();
        assertEquals(envelope.to(), signedIn.getString("actor"));
        assertTrue(signedIn.getString("detail").contains("identity provider"), signedIn.getString("detail"));
    }

    @Test
    void anIdentityProviderVouchesOnlyForAddressesItsAccountHasVerified() {
        String marker = marker();
        Sealed envelope = seal(marker, "carol-" + marker + "@" + federated.domain());
        String claimed = Fixtures.uniqueDomain();
        ApiSteps.addUnverifiedDomains(federated.api(), federated.number(), claimed);
        for (String vouchedFor : List.of("mallory-" + marker + "@partner.example", "carol-" + marker + "@" + claimed)) {
            ViewerClient browser = new ViewerClient(base);
            ViewerClient.Answer refused = signInAtTheIdentityProvider(browser, envelope, vouchedFor, new String[1]);
            assertEquals(400, refused.status(), vouchedFor);
            assertTrue(refused.body().contains("recipient_address_not_served"), refused.body());
            assertEquals(401, browser.session().status(), "no session for " + vouchedFor);
            assertEquals(401, browser.key(envelope.id()).status());
        }
        JsonObject audited = federated.api().get("/api/v1/accounts/" + federated.number() + "/audit?size=100").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("detail").contains("carol-" + marker + "@" + claimed)).findFirst().orElseThrow();
        assertTrue(audited.getString("detail").startsWith("Recipient sign-in refused (recipient_address_not_served)"),
                audited.getString("detail"));

        ViewerClient browser = new ViewerClient(base);
        String[] location = new String[1];
        assertEquals(303, signInAtTheIdentityProvider(browser, envelope, envelope.to(), location).status());
        HttpResponse<String> unasked = new BrowserlessClient().post(base.resolve("saml/" + federated.number() + "/acs"),
                Map.of("SAMLResponse", federatedIdp.answerTo("_never-asked", envelope.to())));
        assertEquals(400, unasked.statusCode(), "an answer to no request of ours signs no recipient in");
    }
}
