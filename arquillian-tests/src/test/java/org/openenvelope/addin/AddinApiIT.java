package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.testing.AddinSenders;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * The Outlook add-in's API over HTTP as the add-in calls it: signing in (password, one-time password, the identity
 * provider's sign-in in the dialog), the mailbox's settings, the Encryption Flow Summary for Flag and Encrypt, and
 * what keeps others out: add-in tokens only, the sender's own account's mailboxes, CORS for the add-in's origin,
 * rate limits. Also the pages the manifest points at.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddinApiIT {

    private static final String OFFICE_JS = "http://127.0.0.1:" + System.getProperty("openenvelope.test.fake-microsoft-port")
            + "/lib/1/hosted/office.js";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;
    private AddinSenders senders;

    @BeforeEach
    void start() {
        base = Deployments.loopback(deployed);
        senders = new AddinSenders(base, PortalSteps.serviceApi(base, "Add-in API"));
    }

    private String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static JsonObject step(JsonObject flow, int index) {
        return flow.getJsonArray("steps").getJsonObject(index);
    }

    @Test
    void aSenderSignsInWithAPasswordAndFlagsTheMessageAsTheDomainIsSetUp() {
        AddinSenders.Sender who = senders.sender("alice", "FLAG", 7, "SUBJECT", "[secure]");
        String number = who.account();
        String email = who.email();

        ApiClient anonymous = senders.anonymous();
        JsonObject route = anonymous.post("/api/addin/v1/sign-in/route",
                Json.createObjectBuilder().add("email", email).add("mailbox", email).build().toString()).json();
        assertEquals("PASSWORD", route.getString("route"));
        ApiClient.Reply wrong = senders.signIn(email, "not the password", null, email);
        assertEquals(400, wrong.status());
        assertEquals("password", wrong.json().getString("field"));
        assertEquals("The email address or the password is not right.", wrong.json().getString("message"));

        Instant before = Instant.now();
        JsonObject session = senders.session(email, email);
        String token = session.getString("token");
        assertTrue(token.matches("[0-9a-f]{64}"), token);
        assertTrue(session.getBoolean("remembered"));
        Instant expires = Instant.parse(session.getString("expiresAt"));
        assertTrue(!expires.isBefore(before.plus(Duration.ofDays(7))) && expires.isBefore(Instant.now().plus(Duration.ofDays(7))),
                "remembered for the domain's 7 days: " + expires);
        assertEquals("PASSWORD", session.getString("signedInWith"));
        assertEquals("FLAG", session.getString("encryptionType"));
        assertEquals("SUBJECT", session.getJsonObject("flag").getString("type"));
        assertEquals("[secure]", session.getJsonObject("flag").getString("subjectText"));

        ApiClient sender = senders.sender(token);
        JsonObject again = sender.get("/api/addin/v1/session").json();
        assertEquals(email, again.getString("federationId"));
        assertFalse(again.containsKey("token"), "the token is handed out once, at sign-in");

        ApiClient.Reply started = sender.post("/api/addin/v1/flows", null);
        assertEquals(201, started.status(), started.body());
        JsonObject flow = started.json();
        assertEquals("IN_PROGRESS", flow.getString("outcome"));
        assertEquals("Encryption Initiated", step(flow, 0).getString("label"));
        assertEquals("DONE", step(flow, 0).getString("status"));
        assertEquals("Successfully Authenticated", step(flow, 1).getString("label"));
        assertEquals("DONE", step(flow, 1).getString("status"));
        assertEquals("FLAGGED", step(flow, 2).getString("step"));
        assertEquals("PENDING", step(flow, 2).getString("status"));
        assertEquals(3, flow.getJsonArray("steps").size());

        String id = flow.getString("id");
        JsonObject flagged = sender.post("/api/addin/v1/flows/" + id + "/steps", "{\"step\":\"FLAGGED\"}").json();
        assertEquals("COMPLETED", flagged.getString("outcome"));
        assertEquals("DONE", step(flagged, 2).getString("status"));
        assertTrue(Instant.parse(step(flagged, 2).getString("at")).isAfter(before));
        ApiClient.Reply twice = sender.post("/api/addin/v1/flows/" + id + "/steps", "{\"step\":\"FLAGGED\"}");
        assertEquals(409, twice.status());
        assertEquals("step", twice.json().getString("field"));
        assertEquals(flagged, sender.get("/api/addin/v1/flows/" + id).json());

        String audit = senders.admin().get("/api/v1/accounts/" + number + "/audit").body();
        assertTrue(audit.contains("Signed in to the Outlook add-in for " + email + " with a password"), audit);
        assertTrue(audit.contains("Flag flow " + id + " for " + email + ": Message Flagged for Encryption"), audit);
        assertFalse(audit.contains(token), "the token is never recorded");
    }

    @Test
    void theAccountsRulesDecideEncryptOrFlagForTheAddinAndTheGateway() {
        AddinSenders.Sender who = senders.sender("rolf", "FLAG", 1, "SUBJECT", "[secure]");
        String rules = "/api/v1/accounts/" + who.account() + "/rules";
        ApiClient admin = senders.admin();
        assertEquals("value", admin.post(rules, "{\"condition\":\"RECIPIENT_DOMAIN\",\"value\":\"not a domain\","
                + "\"action\":\"ENCRYPT\"}").json().getString("field"));
        assertEquals("action", admin.post(rules, "{\"condition\":\"RECIPIENT_DOMAIN\",\"value\":\"partner.example\","
                + "\"action\":\"SHRED\"}").json().getString("field"));
        assertEquals(201, admin.post(rules, "{\"condition\":\"SUBJECT_KEYWORD\",\"value\":\"Newsletter\","
                + "\"action\":\"FLAG\"}").status());
        ApiClient.Reply added = admin.post(rules, "{\"condition\":\"RECIPIENT_DOMAIN\",\"value\":\"partner.example\","
                + "\"action\":\"ENCRYPT\"}");
        assertEquals(201, added.status(), added.body());
        assertEquals(2, added.body().split("\"id\"").length - 1);

        ApiClient sender = senders.sender(senders.session(who.email(), who.email()).getString("token"));
        JsonObject decision = sender.post("/api/addin/v1/decision", "{\"recipients\":[\"bob@mail.partner.example\"],"
                + "\"subject\":\"Contract\"}").json();
        assertEquals("ENCRYPT", decision.getString("encryptionType"));
        assertEquals("Encrypt messages to partner.example", decision.getString("rule"));
        assertEquals("FLAG", sender.post("/api/addin/v1/decision", "{\"recipients\":[\"bob@partner.example\"],"
                + "\"subject\":\"Our newsletter\"}").json().getString("encryptionType"), "the first rule that matches");
        assertEquals("FLAG", sender.post("/api/addin/v1/decision", null).json().getString("encryptionType"),
                "no facts, no rule: the domain's setting");
        ApiClient.Reply withoutDraft = sender.post("/api/addin/v1/flows", "{\"recipients\":[\"bob@partner.example\"]}");
        assertEquals(400, withoutDraft.status(), "the flow decides again, and Encrypt needs the draft");
        assertEquals("messageId", withoutDraft.json().getString("field"));
        assertTrue(withoutDraft.json().getString("message").contains("Encrypt messages to partner.example"));
        assertEquals("recipients", sender.post("/api/addin/v1/decision", "{\"recipients\":\"bob@partner.example\"}")
                .json().getString("field"));

        byte[] gateway = ("From: " + who.email() + "\r\nTo: Bob <bob@partner.example>\r\nSubject: Contract\r\n\r\nHi\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> asked = admin.exchange("POST", rules + "/decision", gateway, "message/rfc822", "application/json");
        assertEquals(200, asked.statusCode(), new String(asked.body(), StandardCharsets.UTF_8));
        assertTrue(new String(asked.body(), StandardCharsets.UTF_8).contains("\"action\":\"ENCRYPT\""));
        long id = Json.createReader(new java.io.StringReader(admin.get(rules).body())).readArray().getJsonObject(1)
                .getJsonNumber("id").longValue();
        assertEquals(200, admin.send("DELETE", rules + "/" + id, null).status());
        assertTrue(new String(admin.exchange("POST", rules + "/decision", gateway, "message/rfc822", "application/json")
                .body(), StandardCharsets.UTF_8).contains("\"action\":null"));
        String audit = admin.get("/api/v1/accounts/" + who.account() + "/audit").body();
        assertTrue(audit.contains("addin.rule-added") && audit.contains("addin.rule-removed"), audit);
    }

    @Test
    void aHeaderFlagIsHandedOverReadyToApplyAndADomainThatRemembersNothingGetsAShortSession() {
        AddinSenders.Sender who = senders.sender("carol", "FLAG", 0, "HEADER", "X-Secure-Envelope: yes");
        String email = who.email();

        JsonObject session = senders.session(email, email);
        assertFalse(session.getBoolean("remembered"), "0 days: the add-in keeps the token in memory only");
        assertTrue(Instant.parse(session.getString("expiresAt")).isBefore(Instant.now().plus(Duration.ofMinutes(16))));
        JsonObject flag = session.getJsonObject("flag");
        assertEquals("HEADER", flag.getString("type"));
        assertEquals("X-Secure-Envelope", flag.getString("headerName"));
        assertEquals("yes", flag.getString("headerValue"));

        ApiClient sender = senders.sender(session.getString("token"));
        String id = sender.post("/api/addin/v1/flows", null).json().getString("id");
        JsonObject failed = sender.post("/api/addin/v1/flows/" + id + "/steps",
                "{\"step\":\"FLAGGED\",\"failure\":\"Outlook did not add the header X-Secure-Envelope: not supported\"}").json();
        assertEquals("FAILED", failed.getString("outcome"));
        assertEquals("Outlook did not add the header X-Secure-Envelope: not supported", step(failed, 2).getString("detail"));
    }

    @Test
    void aOneTimePasswordIsReplacedBeforeTheAddinGetsATokenAndANewOneEndsTheAddinsSessions() {
        String domain = Fixtures.uniqueDomain();
        String number = senders.account(domain);
        String email = "dave@" + domain;
        String oneTime = senders.userWithOneTimePassword(number, email);

        ApiClient.Reply mustChange = senders.signIn(email, oneTime, null, email);
        assertEquals(409, mustChange.status(), mustChange.body());
        assertEquals("password_change_required", mustChange.json().getString("code"));
        assertEquals("newPassword", mustChange.json().getString("field"));
        ApiClient.Reply tooShort = senders.signIn(email, oneTime, "short", email);
        assertEquals(400, tooShort.status());
        assertEquals("newPassword", tooShort.json().getString("field"));
        ApiClient.Reply signedIn = senders.signIn(email, oneTime, AddinSenders.PASSWORD, email);
        assertEquals(201, signedIn.status(), signedIn.body());
        assertEquals("ENCRYPT", signedIn.json().getString("encryptionType"), "an unconfigured domain has step 2's defaults");
        ApiClient sender = senders.sender(signedIn.json().getString("token"));
        assertEquals(200, sender.get("/api/addin/v1/session").status());

        long userId = senders.admin().get("/api/v1/accounts/" + number + "/users").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(u -> u.getString("federationId").equals(email))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        senders.oneTimePassword(number, userId);
        assertEquals(401, sender.get("/api/addin/v1/session").status(), "a reset password ends the add-in's sessions");
    }

    @Test
    void anAdministratorSeesWhoIsSignedInToTheAddinAndSignsThemOut() {
        AddinSenders.Sender who = senders.sender("kim", "FLAG", 30, "SUBJECT", "[secure]");
        ApiClient laptop = senders.sender(senders.session(who.email(), who.email()).getString("token"));
        ApiClient phone = senders.sender(senders.session(who.email(), who.email()).getString("token"));
        String users = "/api/v1/accounts/" + who.account() + "/users";
        JsonObject user = senders.admin().get(users).json().getJsonArray("items").getJsonObject(0);
        assertEquals(2, user.getInt("addinSessions"));

        long id = user.getJsonNumber("id").longValue();
        ApiClient.Reply ended = senders.admin().delete(users + "/" + id + "/addin-sessions");
        assertEquals(200, ended.status(), ended.body());
        assertEquals(2, ended.json().getInt("ended"));
        assertEquals(401, laptop.get("/api/addin/v1/session").status());
        assertEquals(401, phone.get("/api/addin/v1/session").status());
        assertEquals(0, senders.admin().get(users).json().getJsonArray("items").getJsonObject(0).getInt("addinSessions"));
        assertTrue(senders.admin().get("/api/v1/accounts/" + who.account() + "/audit").body()
                .contains("Signed " + who.email() + " out of the Outlook add-in (2 sessions)"));
        assertEquals(201, senders.signIn(who.email(), AddinSenders.PASSWORD, null, who.email()).status(), "the password still works");
    }

    @Test
    void theApiTakesOnlyAddinTokensAndOnlyMailboxesOfTheSendersAccount() {
        String domain = Fixtures.uniqueDomain();
        String number = senders.account(domain);
        String email = "erin@" + domain;
        senders.userWithPassword(number, email);
        String otherDomain = Fixtures.uniqueDomain();
        String other = senders.account(otherDomain);
        senders.configure(other, otherDomain, "FLAG", 1, "SUBJECT", "[secure]");
        senders.userWithPassword(other, "frank@" + otherDomain);

        ApiClient.Reply anonymous = senders.anonymous().get("/api/addin/v1/session");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").contains("OpenEnvelope add-in"));
        assertEquals(401, senders.admin().get("/api/addin/v1/session").status(), "an administrator's API token opens nothing here");

        ApiClient.Reply foreignMailbox = senders.signIn(email, AddinSenders.PASSWORD, null, "frank@" + otherDomain);
        assertEquals(400, foreignMailbox.status());
        assertEquals("mailbox", foreignMailbox.json().getString("field"));
        assertTrue(foreignMailbox.json().getString("message").contains("does not serve the mailbox"), foreignMailbox.body());
        ApiClient.Reply unserved = senders.signIn(email, AddinSenders.PASSWORD, null, "someone@" + Fixtures.uniqueDomain());
        assertEquals("mailbox", unserved.json().getString("field"));

        String token = senders.session(email, email).getString("token");
        ApiClient sender = senders.sender(token);
        assertEquals(401, sender.get("/api/v1/accounts/" + number).status(), "an add-in token opens nothing of the admin API");
        String othersFlow = senders.sender(senders.session("frank@" + otherDomain, "frank@" + otherDomain).getString("token"))
                .post("/api/addin/v1/flows", null).json().getString("id");
        assertEquals(404, sender.get("/api/addin/v1/flows/" + othersFlow).status());

        assertEquals(204, sender.delete("/api/addin/v1/session").status());
        assertEquals(401, sender.get("/api/addin/v1/session").status(), "signed out");
    }

    @Test
    void signingInIsRateLimitedPerAddress() {
        String email = "grace@" + Fixtures.uniqueDomain();
        String body = Json.createObjectBuilder().add("email", email).add("mailbox", email).build().toString();
        for (int i = 0; i < 10; i++) {
            assertEquals(400, senders.anonymous().post("/api/addin/v1/sign-in/route", body).status(), "attempt " + (i + 1));
        }
        ApiClient.Reply limited = senders.anonymous().post("/api/addin/v1/sign-in/route", body);
        assertEquals(429, limited.status(), limited.body());
        assertEquals("too_many_requests", limited.json().getString("code"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) > 0);
        String otherEmail = "heidi@" + Fixtures.uniqueDomain();
        assertEquals(400, senders.anonymous().post("/api/addin/v1/sign-in/route", Json.createObjectBuilder()
                .add("email", otherEmail).add("mailbox", otherEmail).build().toString()).status(), "another address is not limited");
    }

    @Test
    void corsAnswersTheAddinsOriginOnlyAndNeverWithCredentials() {
        String domain = Fixtures.uniqueDomain();
        String number = senders.account(domain);
        String email = "ivan@" + domain;
        senders.userWithPassword(number, email);
        ApiClient sender = senders.sender(senders.session(email, email).getString("token"));

        ApiClient.Reply preflight = senders.anonymous().send("OPTIONS", "/api/addin/v1/flows", null,
                Map.of("Origin", origin(), "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization, content-type"));
        assertEquals(204, preflight.status(), preflight.body());
        assertEquals(origin(), preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        assertNull(preflight.header("Access-Control-Allow-Credentials"));

        ApiClient.Reply foreignPreflight = senders.anonymous().send("OPTIONS", "/api/addin/v1/flows", null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertEquals(403, foreignPreflight.status());
        assertEquals("origin_not_allowed", foreignPreflight.json().getString("code"));
        assertNull(foreignPreflight.header("Access-Control-Allow-Origin"));
        assertEquals(403, sender.send("GET", "/api/addin/v1/session", null, Map.of("Origin", "https://evil.example")).status(),
                "refused outright, not merely unreadable");
        ApiClient.Reply own = sender.send("GET", "/api/addin/v1/session", null, Map.of("Origin", origin()));
        assertEquals(200, own.status());
        assertEquals(origin(), own.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theIdentityProvidersSignInInTheDialogBecomesAnAddinSession() throws Exception {
        String domain = Fixtures.uniqueDomain();
        String number = senders.account(domain);
        senders.configure(number, domain, "FLAG", 3, "SUBJECT", "[encrypt]");
        String user = "judy@" + domain;
        senders.admin().post("/api/v1/accounts/" + number + "/users", Json.createObjectBuilder().add("federationId", user).build().toString());
        ScriptedIdentityProvider idp = ScriptedIdentityProvider.enable(senders.admin(), base, number, user,
                "https://idp.test.example/sso");

        JsonObject route = senders.anonymous().post("/api/addin/v1/sign-in/route",
                Json.createObjectBuilder().add("email", user).add("mailbox", user).build().toString()).json();
        assertEquals("IDENTITY_PROVIDER", route.getString("route"));
        URI signInUrl = URI.create(route.getString("signInUrl"));
        assertEquals(base.resolve("saml/" + number + "/login").getPath(), signInUrl.getPath());

        BrowserlessClient dialog = new BrowserlessClient();
        assertEquals(403, dialog.postJson(base.resolve("api/addin/v1/sign-in/identity-provider"),
                "{\"mailbox\":\"" + user + "\"}").statusCode(), "no user-portal session yet");
        URI toIdp = URI.create(dialog.get(signInUrl).headers().firstValue("Location").orElseThrow());
        RedirectBinding.Received request = RedirectBinding.decode(toIdp.getRawQuery(), RedirectBinding.SAML_REQUEST);
        String requestId = ((AuthnRequest) OpenSaml.parse(request.xml())).getID();
        assertEquals(requestId, request.relayState(), "the IdP sees an opaque key; the landing below is kept here");
        HttpResponse<String> acs = dialog.post(base.resolve("saml/" + number + "/acs"), Map.of("SAMLResponse", idp.answerTo(requestId)));
        assertEquals(303, acs.statusCode(), acs.body());
        String landing = acs.headers().firstValue("Location").orElseThrow();
        assertTrue(landing.startsWith("/addin/sso?mailbox="), landing);
        HttpResponse<String> page = dialog.get(base.resolve(landing.substring(1)));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"" + OFFICE_JS + "\"></script>"), page.body());

        HttpResponse<String> exchanged = dialog.postJson(base.resolve("api/addin/v1/sign-in/identity-provider"),
                "{\"mailbox\":\"" + user + "\"}");
        assertEquals(201, exchanged.statusCode(), exchanged.body());
        JsonObject session = Json.createReader(new java.io.StringReader(exchanged.body())).readObject();
        assertEquals("SAML", session.getString("signedInWith"));
        assertEquals(user, session.getString("federationId"));
        assertEquals("[encrypt]", session.getJsonObject("flag").getString("subjectText"));
        assertEquals(200, senders.sender(session.getString("token")).get("/api/addin/v1/session").status());
    }

    @Test
    void theManifestsPagesAreFramedOnlyByOutlookAndLoadOfficeJsFromTheConfiguredUrl() {
        BrowserlessClient browser = new BrowserlessClient();
        for (String page : new String[] {"addin/taskpane.html", "addin/commands.html", "addin/support.html"}) {
            HttpResponse<String> response = browser.get(base.resolve(page));
            assertEquals(200, response.statusCode(), page);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com"), policy);
            assertTrue(policy.contains("script-src 'self' http://127.0.0.1:"), policy);
            assertTrue(response.headers().firstValue("X-Frame-Options").isEmpty(), page);
        }
        assertTrue(browser.get(base.resolve("addin/taskpane.html")).body().contains("<script src=\"" + OFFICE_JS + "\"></script>"));
        HttpResponse<String> portal = browser.get(base.resolve("login.xhtml"));
        assertEquals("DENY", portal.headers().firstValue("X-Frame-Options").orElse(""), "the portal is never framed");
        assertTrue(portal.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    }
}
