package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openenvelope.testing.SealedMessages.mime;
import static org.openenvelope.testing.SealedMessages.securedoc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.Images;
import org.openenvelope.testing.Mailboxes;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.SealedMessages;
import org.openenvelope.testing.SmtpRelay;
import org.openenvelope.testing.TestMessages;
import org.openenvelope.testing.ViewerClient;

/**
 * The envelope API as an organisation's mail gateway and its administrators use it: a message in, the encrypted
 * message out (or delivered through a real SMTP relay, GreenMail here), Bcc recipients never named in what goes
 * out, the envelope's record and its control (lock, expiry, revocation), one account never reaching another's
 * envelopes, bad messages refused naming the field, and a 20 MB message sealed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnvelopeApiIT {

    private static final String RFC822 = "message/rfc822";

    @RegisterExtension
    static final GreenMailExtension SMTP = SmtpRelay.forTestClass();


    private static World world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        if (world == null) {
            world = new World(base);
        }
    }

    /** Two accounts, each with a domain and an account token, as a provisioning system sets them up. */
    private record Tenant(String number, String domain, ApiClient api) {
        String envelopes() {
            return "/api/v1/accounts/" + number + "/envelopes";
        }
    }

    private static final class World {
        final PortalClient administrator;
        final ApiClient service;
        final Tenant a;
        final Tenant b;

        World(URI base) {
            administrator = PortalSteps.serviceAdministrator(base);
            service = new ApiClient(base, PortalSteps.createServiceToken(administrator, "Envelope provisioning"));
            a = tenant(base, service, administrator, "Alpha");
            b = tenant(base, service, administrator, "Bravo");
        }

        private static Tenant tenant(URI base, ApiClient service, PortalClient administrator, String label) {
            String number = ApiSteps.createAccount(service, Fixtures.unique(label + " Envelopes"));
            String domain = Fixtures.uniqueDomain();
            ApiSteps.addDomains(service, number, domain);
            return new Tenant(number, domain, new ApiClient(base, PortalSteps.createAccountToken(administrator, number,
                    label + " gateway")));
        }
    }

    private static byte[] message(Tenant from, String marker, byte[] attachment) {
        return message("sender", from, marker, attachment);
    }

    private static byte[] message(String localPart, Tenant from, String marker, byte[] attachment) {
        return TestMessages.multipart(localPart + "@" + from.domain, "Reader <reader@partner.example>", "copy@partner.example",
                "hidden@elsewhere.example", marker, attachment);
    }

    private static HttpResponse<byte[]> seal(Tenant tenant, String query, byte[] message) {
        return tenant.api.exchange("POST", tenant.envelopes() + query, message, RFC822, RFC822 + ", application/json");
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        try (var reader = Json.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }


    private static String envelopeIdOf(HttpResponse<byte[]> response) {
        return response.headers().firstValue("X-OpenEnvelope-Envelope").orElseThrow();
    }

    @Test
    void theGatewayGetsTheEncryptedMessageToDeliverWithNoBccNamedAndNoContentInTheClear() throws Exception {
        String marker = Fixtures.unique("plain");
        HttpResponse<byte[]> sealed = seal(world.a, "", message(world.a, marker, marker.getBytes(StandardCharsets.UTF_8)));

        assertEquals(201, sealed.statusCode(), new String(sealed.body(), StandardCharsets.UTF_8));
        assertTrue(sealed.headers().firstValue("Content-Type").orElseThrow().startsWith(RFC822));
        String id = envelopeIdOf(sealed);
        assertEquals(base.resolve("api/v1/accounts/" + world.a.number + "/envelopes/" + id).toString(),
                sealed.headers().firstValue("Location").orElseThrow());
        String raw = new String(sealed.body(), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("Quarterly numbers"), "no body text leaves in the clear");
        assertFalse(raw.contains("hidden@elsewhere.example"), "the Bcc recipient is named nowhere in it");

        MimeMessage encrypted = mime(sealed.body());
        assertEquals("Sender <sender@" + world.a.domain + ">", encrypted.getHeader("From", ","));
        assertEquals("Reader <reader@partner.example>", encrypted.getHeader("To", ","));
        assertEquals("copy@partner.example", encrypted.getHeader("Cc", ","));
        assertNull(encrypted.getHeader("Bcc"));
        assertEquals("Board pack " + marker, encrypted.getSubject());
        assertEquals(id, encrypted.getHeader("X-OpenEnvelope-Envelope", ","));
        Part attachment = securedoc(encrypted);
        String html = new String(attachment.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(html.contains("action=\"" + base.resolve("envelope/open") + "\""), "opens the viewer on this service");
        assertTrue(html.contains("content=\"" + id + "\""), "the attachment names its envelope");
        assertFalse(html.contains(marker), "the attachment holds only ciphertext");

        JsonObject record = world.a.api.get(world.a.envelopes() + "/" + id).json();
        assertEquals("active", record.getString("status"));
        assertEquals("sender@" + world.a.domain, record.getString("sender"));
        assertEquals(List.of("reader@partner.example:to", "copy@partner.example:cc", "hidden@elsewhere.example:bcc"),
                record.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getString("address") + ":" + r.getString("kind")).toList());
        assertFalse(record.toString().contains(marker), "the record has no subject or body");
    }

    @Test
    void withSendTheRelayDeliversToEveryRecipientIncludingBccWithoutNamingThem() throws Exception {
        String marker = Fixtures.unique("sent");
        HttpResponse<byte[]> sent = seal(world.a, "?send=true", message(world.a, marker, new byte[]{1, 2, 3}));

        assertEquals(201, sent.statusCode(), new String(sent.body(), StandardCharsets.UTF_8));
        String id = json(sent).getString("id");
        assertTrue(SMTP.waitForIncomingEmail(30_000, 3), "three deliveries: To, Cc and Bcc");
        List<MimeMessage> received = List.of(SMTP.getReceivedMessages()).stream()
                .filter(m -> id.equals(header(m, "X-OpenEnvelope-Envelope"))).toList();
        assertEquals(3, received.size());
        for (String recipient : List.of("reader@partner.example", "copy@partner.example", "hidden@elsewhere.example")) {
            assertEquals(1, deliveredTo(recipient, id), "one copy in the mailbox of " + recipient);
        }
        for (MimeMessage copy : received) {
            assertNull(copy.getHeader("Bcc"), "no copy names the Bcc recipient");
            assertNotNull(securedoc(copy));
            assertFalse(raw(copy).contains("Quarterly numbers"));
        }
        JsonObject trail = world.a.api.get("/api/v1/accounts/" + world.a.number + "/audit").json();
        assertTrue(trail.toString().contains("Sent envelope " + id + " to 3 recipient(s)"), trail.toString());
        assertFalse(trail.toString().contains(marker), "the audit trail has no subject");
    }

    @Test
    void theAccountsTemplateWordsItsNotificationInTheLanguageItChose() throws Exception {
        Tenant c = World.tenant(base, world.service, world.administrator, "Charlie");
        String templates = "/api/v1/accounts/" + c.number + "/templates";
        JsonObject standard = c.api.get(templates).json();
        assertEquals("EN", standard.getString("language"));
        assertEquals(List.of("EN", "DE", "FR"), standard.getJsonArray("templates").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("language")).toList());

        ApiClient.Reply refused = c.api.send("PUT", templates + "/de", Json.createObjectBuilder()
                .add("subject", "[Vertraulich] {betreff}").add("text", "{absender} schreibt").add("html", "<p>x</p>")
                .build().toString());
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("subject", "text"), refused.json().getJsonArray("problems").getValuesAs(JsonObject.class)
                .stream().map(p -> p.getString("field")).toList());
        assertTrue(refused.body().contains("{betreff} is not a placeholder"), refused.body());
        JsonObject wording = Json.createObjectBuilder().add("subject", "[Vertraulich] {subject}")
                .add("text", "{sender} schickt Ihnen über {account} eine Nachricht: {attachment} öffnen ({open_link}),"
                        + " bis {expiry}.")
                .add("html", "<p><b>{sender}</b> schickt Ihnen eine Nachricht. <a href=\"{open_link}\">Öffnen</a></p>"
                        + "<script>alert(1)</script>").build();
        JsonObject preview = c.api.post(templates + "/de/preview", wording.toString()).json();
        assertEquals("[Vertraulich] Quarterly figures", preview.getString("subject"));
        assertEquals(200, c.api.send("PUT", templates + "/de", wording.toString()).status());
        assertEquals(200, c.api.send("PUT", templates + "/language", "{\"language\":\"de\"}").status());
        assertEquals("language", c.api.send("PUT", templates + "/xx", wording.toString()).json().getString("field"));

        String marker = Fixtures.unique("tpl");
        HttpResponse<byte[]> sent = seal(c, "?send=true", TestMessages.multipart("sender@" + c.domain,
                "templated-" + marker + "@partner.example", null, null, marker, new byte[]{1}));
        assertEquals(201, sent.statusCode(), new String(sent.body(), StandardCharsets.UTF_8));
        String id = json(sent).getString("id");
        MimeMessage received = Mailboxes.await(SMTP, "templated-" + marker + "@partner.example", "[Vertraulich] Board pack "
                + marker, Duration.ofSeconds(30));
        String text = Mailboxes.text(received);
        assertTrue(text.contains("schickt Ihnen über") && text.contains("securedoc_") && text.contains("unbefristet")
                && text.contains("envelope/open?envelope=" + id), text);
        jakarta.mail.internet.MimeMultipart note = (jakarta.mail.internet.MimeMultipart)
                ((jakarta.mail.internet.MimeMultipart) received.getContent()).getBodyPart(0).getContent();
        String html = (String) note.getBodyPart(1).getContent();
        assertTrue(html.contains("/envelope/open?envelope=" + id + "\">Öffnen</a>"), "the link kept: " + html);
        assertFalse(html.contains("<script"), "the HTML lost its script when it was saved");

        assertFalse(c.api.send("DELETE", templates + "/de", null).json().getJsonArray("templates").getJsonObject(1)
                .getBoolean("own"), "the service's wording again");
        assertTrue(c.api.get("/api/v1/accounts/" + c.number + "/audit").body().contains("account.template-changed"));
    }

    @Test
    void theAccountsBrandingIsWhatItsRecipientsSee() throws Exception {
        Tenant d = World.tenant(base, world.service, world.administrator, "Delta");
        String branding = "/api/v1/accounts/" + d.number + "/branding";
        JsonObject standard = d.api.get(branding).json();
        assertEquals("#0b5cad", standard.getString("brandColour"));
        assertFalse(standard.containsKey("updatedAt"), "the service's look until changed");

        ApiClient.Reply refused = d.api.send("PUT", branding, Json.createObjectBuilder().add("displayName", "Delta")
                .add("brandColour", "#ffdd00").add("backgroundColour", "navy").build().toString());
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("brandColour", "backgroundColour"), refused.json().getJsonArray("problems")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("field")).toList());
        assertTrue(refused.body().contains("too light"), refused.body());
        ApiClient.Reply changed = d.api.send("PUT", branding, Json.createObjectBuilder()
                .add("displayName", "Delta <Secure> Mail").add("brandColour", "#7A1F3D").add("backgroundColour", "#FAF7F2")
                .build().toString());
        assertEquals(200, changed.status(), changed.body());
        assertEquals("#7a1f3d", changed.json().getString("brandColour"));

        HttpResponse<byte[]> script = d.api.exchange("PUT", branding + "/logo", ("<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 10 10\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8), "image/svg+xml", "application/json");
        assertEquals(400, script.statusCode());
        assertEquals("logo", json(script).getString("field"));
        assertTrue(json(script).getString("message").contains("onload"), json(script).toString());
        assertEquals(413, d.api.exchange("PUT", branding + "/logo", new byte[200_000], "image/png", "application/json")
                .statusCode());
        byte[] png = Images.png(160, 48);
        HttpResponse<byte[]> uploaded = d.api.exchange("PUT", branding + "/logo", png, "image/png", "application/json");
        assertEquals(200, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
        String logoPath = json(uploaded).getString("logoPath");
        assertEquals(404, world.b.api.get(branding).status(), "another account's branding is not there for it");

        String marker = Fixtures.unique("brand");
        HttpResponse<byte[]> sealed = seal(d, "", TestMessages.multipart("sender@" + d.domain,
                "reader@partner.example", null, null, marker, new byte[]{1}));
        assertEquals(201, sealed.statusCode());
        MimeMessage notification = mime(sealed.body());
        String attachment = new String(SealedMessages.securedocBytes(notification), StandardCharsets.US_ASCII);
        assertTrue(attachment.contains("--brand:#7a1f3d") && attachment.contains("--canvas:#faf7f2"), "the colours");
        assertTrue(attachment.contains("Delta &lt;Secure&gt; Mail") && attachment.contains("src=\"data:image/png;base64,"),
                "the display name, escaped, and the logo inline");
        jakarta.mail.internet.MimeMultipart related = (jakarta.mail.internet.MimeMultipart)
                ((jakarta.mail.internet.MimeMultipart) notification.getContent()).getBodyPart(0).getContent();
        assertTrue(related.getContentType().startsWith("multipart/related"), related.getContentType());
        assertEquals("<logo@openenvelope>", ((jakarta.mail.internet.MimeBodyPart) related.getBodyPart(1)).getContentID());
        String html = (String) ((jakarta.mail.internet.MimeMultipart) related.getBodyPart(0).getContent())
                .getBodyPart(1).getContent();
        assertTrue(html.contains("src=\"cid:logo@openenvelope\"") && html.contains("#7a1f3d"), html);
        assertTrue(Mailboxes.text(notification).contains("through Delta <Secure> Mail"), "the display name in the text");

        String id = envelopeIdOf(sealed);
        ApiClient page = new ApiClient(base, null);
        String viewer = page.get("/envelope/open?envelope=" + id).body();
        assertTrue(viewer.contains("--brand:#7a1f3d") && viewer.contains(logoPath)
                && viewer.contains("Delta &lt;Secure&gt; Mail"), viewer);
        ApiClient.Reply logo = page.get(logoPath);
        assertEquals(200, logo.status());
        assertEquals("image/png", logo.header("Content-Type"));
        assertTrue(logo.header("Content-Security-Policy").contains("sandbox"));
        HttpResponse<String> plain = new ViewerClient(base).page("POST", "envelope/plain", "envelope=" + id
                + "&ciphertext=" + java.net.URLEncoder.encode(java.util.Base64.getMimeEncoder().encodeToString(
                SealedMessages.ciphertext(notification)), StandardCharsets.UTF_8));
        assertTrue(plain.body().contains("<style>:root{--brand:#7a1f3d;") && plain.body().contains(logoPath),
                "the page without JavaScript wears the brand too: " + plain.body());
        assertTrue(plain.headers().firstValue("Content-Security-Policy").orElseThrow().contains("'sha256-"),
                "its one inline style allowed by its hash, no more");

        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape="
                + "\"http://www.inkscape.org/namespaces/inkscape\" width=\"120\" height=\"40\" inkscape:version=\"1.3\">"
                + "<metadata>editor data</metadata><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#7a1f3d\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(200, d.api.exchange("PUT", branding + "/logo", svg, "image/svg+xml", "application/json").statusCode());
        String keptSvg = d.api.send("GET", branding + "/logo", null, "image/svg+xml").body();
        assertTrue(keptSvg.contains("viewBox=\"0 0 120 40\"") && keptSvg.contains("<circle")
                && !keptSvg.contains("inkscape") && !keptSvg.contains("editor data"), keptSvg);
        assertFalse(d.api.send("DELETE", branding + "/logo", null).json().containsKey("logoPath"));
        assertEquals(404, page.get(logoPath).status(), "a logo no account has any more is gone");
        assertFalse(d.api.send("DELETE", branding, null).json().containsKey("updatedAt"), "the service's look again");
        String audit = d.api.get("/api/v1/accounts/" + d.number + "/audit").body();
        assertTrue(audit.contains("account.branding-changed") && audit.contains("account.logo-changed")
                && audit.contains("account.logo-removed"), audit);
    }

    @Test
    void senderAndAdministratorsLockExpireAndRevokeTheEnvelope() {
        String id = envelopeIdOf(seal(world.a, "", message(world.a, Fixtures.unique("control"), new byte[]{7})));
        String envelope = world.a.envelopes() + "/" + id;

        assertField(world.a.api.post(envelope + "/lock", "{\"reason\":\" \"}"), 400, "reason");
        JsonObject locked = world.a.api.post(envelope + "/lock", "{\"reason\":\"Sent to the wrong partner\"}").json();
        assertEquals("locked", locked.getString("status"));
        assertEquals("Sent to the wrong partner", locked.getString("lockReason"));
        assertEquals("active", world.a.api.delete(envelope + "/lock").json().getString("status"));

        assertField(world.a.api.send("PUT", envelope + "/expiry", "{\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400, "expiresAt");
        assertField(world.a.api.send("PUT", envelope + "/expiry", "{\"expiresAt\":\"next week\"}"), 400, "expiresAt");
        Instant expiry = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(expiry.toString(), world.a.api.send("PUT", envelope + "/expiry",
                "{\"expiresAt\":\"" + expiry + "\"}").json().getString("expiresAt").replace(".000", ""));

        JsonObject oneRevoked = world.a.api.post(envelope + "/revocations", "{\"recipient\":\"Copy@Partner.example\"}").json();
        assertEquals("active", oneRevoked.getString("status"), "the others still open it");
        assertTrue(oneRevoked.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("address").equals("copy@partner.example") && r.containsKey("revokedAt")));
        assertField(world.a.api.post(envelope + "/revocations", "{\"recipient\":\"stranger@partner.example\"}"), 400, "recipient");

        JsonObject revoked = world.a.api.post(envelope + "/revocations", "{\"everyone\":true}").json();
        assertEquals("revoked", revoked.getString("status"));
        assertTrue(revoked.containsKey("keyDestroyedAt"), "revoking for everyone destroys the key");
        assertField(world.a.api.post(envelope + "/lock", "{\"reason\":\"too late\"}"), 409, "envelope");
    }

    @Test
    void anotherAccountNeitherSeesNorControlsNorSealsForTheEnvelope() {
        String id = envelopeIdOf(seal(world.a, "", message(world.a, Fixtures.unique("isolated"), new byte[]{9})));
        String theirs = "/api/v1/accounts/" + world.a.number + "/envelopes/" + id;
        String viaOwn = world.b.envelopes() + "/" + id;

        for (ApiClient.Reply reply : List.of(world.b.api.get(theirs), world.b.api.get(viaOwn),
                world.b.api.post(viaOwn + "/lock", "{\"reason\":\"mine now\"}"),
                world.b.api.post(viaOwn + "/revocations", "{\"everyone\":true}"),
                world.b.api.send("PUT", viaOwn + "/expiry", "{\"expiresAt\":null}"))) {
            assertEquals(404, reply.status(), reply.toString());
            assertFalse(reply.body().contains("sender@" + world.a.domain), "nothing of the envelope is told");
        }
        assertEquals("active", world.a.api.get(theirs).json().getString("status"), "untouched");

        HttpResponse<byte[]> forgedSender = seal(world.b, "", message(world.a, Fixtures.unique("forged"), new byte[]{1}));
        assertEquals(400, forgedSender.statusCode());
        assertEquals("From", json(forgedSender).getString("field"), "an account seals only for its own domains");
    }

    @Test
    void messagesThatCannotBeSealedAreRefusedNamingTheField() {
        HttpResponse<byte[]> noHeader = seal(world.a, "", "just some text without a header".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, noHeader.statusCode());
        assertEquals("message", json(noHeader).getString("field"));

        String bad = "From: sender@" + world.a.domain + "\r\nCc: not an address@@\r\nSubject: x\r\n\r\nbody\r\n";
        HttpResponse<byte[]> badCc = seal(world.a, "", bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, badCc.statusCode());
        JsonObject problems = json(badCc);
        assertEquals("rejected_values", problems.getString("code"));
        assertEquals(List.of("Cc", "To"), problems.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("field")).sorted().toList(), problems.toString());
    }

    @Test
    void aTwentyMegabyteMessageIsSealedAndOneOverTheLimitIsRefused() throws Exception {
        byte[] attachment = new byte[15 * 1024 * 1024];
        new Random(20).nextBytes(attachment);
        byte[] twentyMegabytes = message(world.a, Fixtures.unique("large"), attachment);
        assertTrue(twentyMegabytes.length > 20 * 1024 * 1024, "base64 makes the message 20 MB");
        HttpResponse<byte[]> sealed = seal(world.a, "", twentyMegabytes);

        assertEquals(201, sealed.statusCode(), new String(sealed.body(), 0, Math.min(500, sealed.body().length),
                StandardCharsets.UTF_8));
        JsonObject record = world.a.api.get(world.a.envelopes() + "/" + envelopeIdOf(sealed)).json();
        assertTrue(record.getJsonNumber("ciphertextBytes").longValue() > 20 * 1024 * 1024,
                "the whole message is the plaintext");
        assertNotNull(securedoc(mime(sealed.body())));

        byte[] overLimit = new byte[25 * 1024 * 1024 + 1];
        HttpResponse<byte[]> refused = seal(world.a, "", overLimit);
        assertEquals(413, refused.statusCode());
        assertEquals("message_too_large", json(refused).getString("code"));
        assertEquals("message", json(refused).getString("field"));
    }

    @Test
    void theEnvelopesTabSearchesByRecipientAndSenderAndLocksWithAReason() {
        String marker = Fixtures.unique("tab");
        String first = envelopeIdOf(seal(world.a, "", message("first", world.a, marker, new byte[]{1})));
        String second = envelopeIdOf(seal(world.a, "", message("second", world.a, marker, new byte[]{2})));
        String tab = "/admin/accounts/envelopes.xhtml?account=" + world.a.number;

        PortalClient portal = world.administrator.open(tab);
        assertEquals(200, portal.status(), portal.text());
        assertNotNull(row(portal, first), "listed");
        assertNotNull(row(portal, second));
        assertTrue(row(portal, first).text().contains("hidden@elsewhere.example"), "administrators see Bcc recipients");
        assertFalse(portal.page().html().contains(marker), "no subject or content on the page");

        portal.open(tab + "&sender=second%40");
        assertNull(row(portal, first), "filtered by sender");
        assertNotNull(row(portal, second));
        portal.open(tab + "&recipient=HIDDEN%40elsewhere&from=2000-01-01");
        assertNotNull(row(portal, first), "filtered by a Bcc recipient, case-insensitively");
        portal.open(tab + "&until=2000-01-01");
        assertNull(row(portal, first), "nothing was sent before 2000");

        portal.open(tab + "&sender=first%40");
        org.jsoup.nodes.Element reason = row(portal, first).selectFirst("input[id$=:reason]");
        org.jsoup.nodes.Element lock = row(portal, first).selectFirst("input[id$=:lock]");
        portal.submit("list", Map.of(reason.id().substring("list:".length()), "Wrong recipient"),
                lock.id().substring("list:".length()));
        assertTrue(portal.text().contains("Locked the envelope from first@" + world.a.domain), portal.text());
        assertEquals("locked", world.a.api.get(world.a.envelopes() + "/" + first).json().getString("status"));
        assertEquals("Wrong recipient", world.a.api.get(world.a.envelopes() + "/" + first).json().getString("lockReason"));

        PortalClient other = world.administrator.open("/admin/accounts/envelopes.xhtml?account=" + world.b.number);
        assertNull(row(other, first), "another account's tab lists none of them");
    }

    private static org.jsoup.nodes.Element row(PortalClient portal, String id) {
        return portal.page().selectFirst("tr[data-envelope=\"" + id + "\"]");
    }

    private static void assertField(ApiClient.Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(field, reply.json().getString("field"), reply.toString());
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many copies of the envelope's notification the relay put in this recipient's mailbox (SMTP RCPT TO). */
    private static long deliveredTo(String address, String id) {
        GreenMailUser user = SMTP.getUserManager().getUserByEmail(address);
        if (user == null) {
            return 0;
        }
        try {
            return SMTP.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .filter(stored -> id.equals(header(stored.getMimeMessage(), "X-OpenEnvelope-Envelope"))).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
