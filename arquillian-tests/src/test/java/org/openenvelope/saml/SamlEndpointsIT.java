package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.keys.TestCertificateAuthority;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.openenvelope.saml.xml.XmlSigner;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.SsoSetup;
import org.openenvelope.websafe.FederatedSession;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * The SAML endpoints of a deployed account over HTTP, against a scripted IdP whose key the test holds: metadata,
 * SP-initiated sign-in, the assertion consumer with its refusals (each with its reason code and no session), the
 * user portal, and Single Logout in both directions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SamlEndpointsIT {

    private static final String IDP_SSO = "https://idp.test.example/sso";
    private static final String IDP_SLO = "https://idp.test.example/slo";
    private static final BasicX509Credential IDP_KEY = SelfSignedCertificates.generate("idp.test.example",
            Instant.now().minusSeconds(3600), Duration.ofDays(30));
    private static final BasicX509Credential STRANGER = SelfSignedCertificates.generate("stranger.test.example",
            Instant.now().minusSeconds(3600), Duration.ofDays(30));

    private static Tenant tenant;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    /** An account with a domain, a user, and this test's IdP configured. */
    private record Tenant(String number, String domain, String idpEntityId, String user, ApiClient api) {
    }

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        if (tenant == null) {
            ApiClient api = PortalSteps.serviceApi(base, "SAML tests");
            String number = ApiSteps.createAccount(api, Fixtures.unique("Federated"));
            String domain = Fixtures.uniqueDomain();
            ApiSteps.addDomains(api, number, domain);
            String user = "Alice." + Fixtures.unique("Smith") + "@" + domain;
            ApiSteps.addUser(api, number, user);
            tenant = new Tenant(number, domain, "https://idp.test.example/" + Fixtures.unique("realm"), user, api);
            configureIdentityProvider("HTTP_REDIRECT", false);
        }
    }

    /** Draft, Test SSO answered by this test's IdP, Enable: the account signs in with these settings from now on. */
    private void configureIdentityProvider(String binding, boolean justInTime) {
        configureIdentityProvider(binding, justInTime, true);
    }

    private void configureIdentityProvider(String binding, boolean justInTime, boolean signAuthnRequests) {
        SsoSetup.enableWithScriptedIdp(tenant.api(), base, tenant.number(),
                identityProviderJson(tenant.idpEntityId(), IDP_KEY, binding, justInTime, signAuthnRequests), answer(null));
    }

    private static String identityProviderJson(String entityId, BasicX509Credential key, String binding, boolean justInTime) {
        return identityProviderJson(entityId, key, binding, justInTime, true);
    }

    private static String identityProviderJson(String entityId, BasicX509Credential key, String binding, boolean justInTime,
                                               boolean signAuthnRequests) {
        JsonArrayBuilder certificates = Json.createArrayBuilder().add(pem(key.getEntityCertificate()));
        return Json.createObjectBuilder().add("entityId", entityId).add("ssoUrl", IDP_SSO)
                .add("ssoBinding", binding).add("signAuthnRequests", signAuthnRequests).add("sloUrl", IDP_SLO)
                .add("justInTimeUsers", justInTime).add("certificates", certificates).build().toString();
    }

    private URI endpoint(String name) {
        return base.resolve("saml/" + tenant.number() + "/" + name);
    }

    private String spEntityId() {
        return base.resolve("saml/" + tenant.number()).toString();
    }

    private X509Certificate spCertificate() {
        EntityDescriptor metadata = (EntityDescriptor) OpenSaml.parse(
                new BrowserlessClient().get(endpoint("metadata")).body().getBytes(StandardCharsets.UTF_8));
        KeyDescriptor key = metadata.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol").getKeyDescriptors().get(0);
        try {
            return KeyInfoSupport.getCertificates(key.getKeyInfo()).get(0);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- metadata and login ---------------------------------------------------------------------------------

    @Test
    void publishesSignedMetadataAsADownload() throws Exception {
        HttpResponse<String> response = new BrowserlessClient().get(endpoint("metadata"));

        assertEquals(200, response.statusCode());
        assertEquals("application/samlmetadata+xml", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("attachment; filename=\"sp-metadata-" + tenant.number() + ".xml\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        EntityDescriptor metadata = (EntityDescriptor) OpenSaml.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(spEntityId(), metadata.getEntityID());
        SPSSODescriptor sp = metadata.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");
        assertEquals(endpoint("acs").toString(), sp.getAssertionConsumerServices().get(0).getLocation());
        assertEquals(endpoint("slo").toString(), sp.getSingleLogoutServices().get(0).getLocation());
        XmlSignatureCheck.verify(metadata, "The metadata", List.of(spCertificate()), false);
    }

    @Test
    void startsSignInWithASignedAuthnRequestOverTheRedirectBinding() {
        assertTrue(tenant.api().get("/api/v1/accounts/" + tenant.number() + "/saml/identity-provider").json()
                .getJsonObject("active").getBoolean("signAuthnRequests"), "signed unless the administrator says otherwise");
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> response = browser.get(URI.create(endpoint("login") + "?RelayState=%2Fwebsafe%2F%3Ffolder%3Dinbox"));

        assertEquals(302, response.statusCode());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(IDP_SSO + "?SAMLRequest="), location.toString());
        assertTrue(location.getRawQuery().contains("&SigAlg=") && location.getRawQuery().contains("&Signature="));
        RedirectBinding.Received received = RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST);
        received.verify(List.of(spCertificate()), false);
        AuthnRequest request = (AuthnRequest) OpenSaml.parse(received.xml());
        assertEquals(request.getID(), received.relayState(), "the IdP sees an opaque key, never the path");
        HttpResponse<String> acs = postToAcs(browser, answer(request.getID()).build());
        assertEquals("/websafe/?folder=inbox", acs.headers().firstValue("Location").orElse(""), "the path, kept here");
        assertEquals(spEntityId(), request.getIssuer().getValue());
        assertEquals(endpoint("acs").toString(), request.getAssertionConsumerServiceURL());
        assertEquals(IDP_SSO, request.getDestination());
    }

    @Test
    void neverReturnsToATargetOutsideTheService() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> response = browser.get(URI.create(endpoint("login") + "?RelayState=https%3A%2F%2Fevil.example%2F"));
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        String requestId = ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(location.getRawQuery(),
                RedirectBinding.SAML_REQUEST).xml())).getID();
        assertEquals("/websafe/", postToAcs(browser, answer(requestId).build()).headers().firstValue("Location").orElse(""));
    }

    @Test
    void sendsTheAuthnRequestOverPostWhenTheIdentityProviderPrefersIt() {
        configureIdentityProvider("HTTP_POST", false);
        try {
            HttpResponse<String> response = new BrowserlessClient().get(endpoint("login"));
            assertEquals(200, response.statusCode());
            Document page = Jsoup.parse(response.body());
            assertEquals(IDP_SSO, page.selectFirst("form").attr("action"));
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("form-action https://idp.test.example"));
            AuthnRequest request = (AuthnRequest) OpenSaml.parse(Base64.getDecoder().decode(page.selectFirst("input[name=SAMLRequest]").val()));
            XmlSignatureCheck.verify(request, "The AuthnRequest", List.of(spCertificate()), false);
        } finally {
            configureIdentityProvider("HTTP_REDIRECT", false);
        }
    }

    @Test
    void sendsTheAuthnRequestUnsignedWhenTheIdentityProviderDoesNotNeedItSignedAndStillSignsTheLogout() {
        String status = "/api/v1/accounts/" + tenant.number() + "/saml/identity-provider";
        configureIdentityProvider("HTTP_REDIRECT", false, false);
        try {
            assertFalse(tenant.api().get(status).json().getJsonObject("active").getBoolean("signAuthnRequests"));
            BrowserlessClient browser = new BrowserlessClient();
            HttpResponse<String> response = browser.get(endpoint("login"));
            assertEquals(302, response.statusCode());
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertTrue(location.toString().startsWith(IDP_SSO + "?SAMLRequest="), location.toString());
            assertFalse(location.getRawQuery().contains("SigAlg=") || location.getRawQuery().contains("Signature="),
                    location.toString());
            RedirectBinding.Received received = RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST);
            assertFalse(received.isSigned());
            AuthnRequest request = (AuthnRequest) OpenSaml.parse(received.xml());
            assertNull(request.getSignature());
            assertEquals(request.getID(), received.relayState());

            // the answer is checked exactly as to a signed request, and the sign-out is signed as ever
            HttpResponse<String> acs = postToAcs(browser, answer(request.getID()).build());
            assertEquals("/websafe/", acs.headers().firstValue("Location").orElse(""), acs.body());
            String signOut = userPortal(browser).selectFirst("#sign-out").attr("href");
            URI toIdp = URI.create(browser.get(base.resolve(signOut.substring(1))).headers().firstValue("Location").orElseThrow());
            RedirectBinding.decode(toIdp.getRawQuery(), RedirectBinding.SAML_REQUEST).verify(List.of(spCertificate()), false);

            // Test SSO of an unsigned draft sends its request unsigned too
            SsoSetup.saveDraft(tenant.api(), tenant.number(), identityProviderJson(tenant.idpEntityId(), IDP_KEY,
                    "HTTP_REDIRECT", false, false));
            ApiClient.Reply test = tenant.api().post(status + "/tests", null);
            URI testToIdp = URI.create(new BrowserlessClient().get(URI.create(test.json().getString("url"))).headers()
                    .firstValue("Location").orElseThrow());
            assertFalse(testToIdp.getRawQuery().contains("Signature="), testToIdp.toString());

            // over POST: no XML signature
            configureIdentityProvider("HTTP_POST", false, false);
            Document page = Jsoup.parse(new BrowserlessClient().get(endpoint("login")).body());
            AuthnRequest posted = (AuthnRequest) OpenSaml.parse(Base64.getDecoder().decode(
                    page.selectFirst("input[name=SAMLRequest]").val()));
            assertFalse(posted.isSigned());
            assertNull(posted.getSignature());
        } finally {
            configureIdentityProvider("HTTP_REDIRECT", false);
        }
    }

    // ---- the assertion consumer -----------------------------------------------------------------------------

    /** Starts a sign-in and returns the id of the AuthnRequest the SP sent. */
    private String startSignIn(BrowserlessClient browser) {
        URI location = URI.create(browser.get(endpoint("login")).headers().firstValue("Location").orElseThrow());
        return ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST).xml())).getID();
    }

    private ResponseFixture answer(String requestId) {
        return answerFrom(tenant.idpEntityId(), IDP_KEY).inResponseTo(requestId);
    }

    /** An IdP's answer naming the tenant's user by an emailAddress NameID (and no uid attribute). */
    private ResponseFixture answerFrom(String idpEntityId, BasicX509Credential key) {
        return ResponseFixture.from(idpEntityId, key).forServiceProvider(spEntityId(), endpoint("acs").toString())
                .at(Instant.now()).nameId(NameIdFormats.EMAIL_ADDRESS, tenant.user())
                .assertion(a -> a.getAttributeStatements().clear());
    }

    private HttpResponse<String> postToAcs(BrowserlessClient browser, byte[] response) {
        return browser.post(endpoint("acs"), Map.of("SAMLResponse", Base64.getEncoder().encodeToString(response)));
    }

    private static String reasonCode(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#reason-code").text();
    }

    private static boolean hasUserSession(BrowserlessClient browser) {
        return browser.cookie("127.0.0.1", "OE_USER_SESSION").isPresent();
    }

    private Document userPortal(BrowserlessClient browser) {
        return Jsoup.parse(browser.get(base.resolve("websafe/")).body());
    }

    @Test
    void anAdministratorSignsInToThePortalThroughTheIdentityProviderOnlyWhereTheAccountLetsThem() {
        ApiClient api = tenant.api();
        String administrator = "admin." + Fixtures.unique("sso") + "@" + tenant.domain();
        assertEquals(201, api.post("/api/v1/accounts/" + tenant.number() + "/administrators",
                "{\"email\": \"" + administrator + "\"}").status());
        URI ssoButton = base.resolve("login/sso");
        BrowserlessClient browser = new BrowserlessClient();

        HttpResponse<String> notYet = browser.post(ssoButton, Map.of("signin:email", administrator));
        assertEquals("/login.xhtml?sso=unavailable", notYet.headers().firstValue("Location").orElse(""));
        assertEquals("not_an_administrator", reasonCode(browser.get(endpoint("admin"))), "the account has not allowed it");

        String policy = "/api/v1/accounts/" + tenant.number() + "/administrator-sign-in";
        assertEquals(200, api.send("PUT", policy, "{\"secondFactorRequired\": true, \"identityProviderSignIn\": true}")
                .status());
        try {
            String toIdp = "/saml/" + tenant.number() + "/admin?idp=primary";
            assertEquals(toIdp, browser.post(ssoButton, Map.of("signin:email", administrator.toUpperCase()))
                    .headers().firstValue("Location").orElse(""));
            assertEquals(toIdp, browser.post(ssoButton, Map.of("signin:email", "nobody@" + tenant.domain()))
                    .headers().firstValue("Location").orElse(""), "the domain decides, not whether the address is known");
            assertEquals("/login.xhtml?sso=unavailable", browser.post(ssoButton, Map.of("signin:email",
                    "someone@" + Fixtures.uniqueDomain())).headers().firstValue("Location").orElse(""));

            HttpResponse<String> acs = postToAcs(browser, answer(requestIdAt(browser, toIdp))
                    .nameId(NameIdFormats.EMAIL_ADDRESS, administrator).build());
            assertEquals(303, acs.statusCode(), acs.body());
            assertEquals("/admin/", acs.headers().firstValue("Location").orElse(""));
            HttpResponse<String> portal = browser.get(base.resolve("admin/accounts/groups.xhtml?account=" + tenant.number()));
            assertEquals(200, portal.statusCode(), "signed in, and the IdP's factors stand for the second factor: "
                    + portal.headers().firstValue("Location").orElse(""));
            assertTrue(Jsoup.parse(portal.body()).select(".who").text().contains(administrator), portal.body());

            BrowserlessClient user = new BrowserlessClient();
            HttpResponse<String> refused = postToAcs(user, answer(requestIdAt(user, toIdp)).build());
            assertEquals("not_an_administrator", reasonCode(refused), "a user of the account is no administrator");
            assertTrue(user.get(base.resolve("admin/")).headers().firstValue("Location").orElse("")
                    .contains("/login.xhtml"), "no portal session");

            BrowserlessClient portalAnswerToUserSignIn = new BrowserlessClient();
            postToAcs(portalAnswerToUserSignIn, answer(startSignIn(portalAnswerToUserSignIn))
                    .nameId(NameIdFormats.EMAIL_ADDRESS, administrator).build());
            assertTrue(portalAnswerToUserSignIn.get(base.resolve("admin/")).headers().firstValue("Location").orElse("")
                    .contains("/login.xhtml"), "an answer to a user's sign-in never opens the portal");
        } finally {
            api.send("PUT", policy, "{\"secondFactorRequired\": false, \"identityProviderSignIn\": false}");
        }
    }

    /** Starts a sign-in at {@code path} and returns the id of the AuthnRequest the SP sent. */
    private String requestIdAt(BrowserlessClient browser, String path) {
        URI location = URI.create(browser.get(base.resolve(path.substring(1))).headers().firstValue("Location").orElseThrow());
        return ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST)
                .xml())).getID();
    }

    @Test
    void signsTheUserInToTheUserPortalAfterAValidResponse() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> acs = postToAcs(browser, answer(startSignIn(browser)).build());

        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals("/websafe/", acs.headers().firstValue("Location").orElse(""));
        HttpCookie cookie = HttpCookie.parse(acs.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("OE_USER_SESSION=")).findFirst().orElseThrow()).get(0);
        assertTrue(cookie.isHttpOnly());
        assertTrue(acs.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("SameSite=Lax")));
        assertEquals(tenant.user(), userPortal(browser).select("#federation-id").text());
    }

    @Test
    void twentySignInsOfOneUserAtOnceAllSucceed() throws Exception {
        List<BrowserlessClient> browsers = new java.util.ArrayList<>();
        List<byte[]> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BrowserlessClient browser = new BrowserlessClient();
            browsers.add(browser);
            answers.add(answer(startSignIn(browser)).build());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> posted = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                posted.add(pool.submit(() -> {
                    start.await();
                    return postToAcs(browsers.get(n), answers.get(n));
                }));
            }
            start.countDown();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> acs = posted.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(303, acs.statusCode(), "sign-in " + i + ": " + acs.body());
                assertEquals(tenant.user(), userPortal(browsers.get(i)).select("#federation-id").text());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void endsTheUserPortalSessionWhenTheIdentityProviderSaysItEnds() throws InterruptedException {
        BrowserlessClient browser = new BrowserlessClient();
        // Long enough for the sign-in and the first look at the portal on a slow, loaded machine (under a second
        // here), which must both happen before the IdP's session ends.
        Instant sessionEnd = Instant.now().plusSeconds(10);
        assertEquals(303, postToAcs(browser, answer(startSignIn(browser))
                .assertion(a -> a.getAuthnStatements().get(0).setSessionNotOnOrAfter(sessionEnd)).build()).statusCode());
        assertEquals(tenant.user(), userPortal(browser).select("#federation-id").text());

        Thread.sleep(Math.max(0, sessionEnd.toEpochMilli() - System.currentTimeMillis()) + 200);
        assertTrue(userPortal(browser).select("#federation-id").isEmpty(), "the session expired with the IdP's");
    }

    @Test
    void acceptsAnEncryptedAssertion() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> acs = postToAcs(browser, answer(startSignIn(browser)).encryptedFor(spCertificate()).build());
        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals(tenant.user(), userPortal(browser).select("#federation-id").text());
    }

    @Test
    void refusesAResponseSignedByAnotherKeyWithAReasonAndNoSession() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> acs = postToAcs(browser, answer(startSignIn(browser)).signedBy(STRANGER).build());

        assertEquals(400, acs.statusCode());
        assertEquals("signature_untrusted_key", reasonCode(acs));
        assertTrue(Jsoup.parse(acs.body()).select("#reason").text().contains("certificate this account does not trust"));
        assertFalse(hasUserSession(browser));
        String audit = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/audit").body();
        assertTrue(audit.contains("sso.sign-in-refused") && audit.contains("signature_untrusted_key"), audit);
    }

    @Test
    void refusesTheSameResponseTwice() {
        BrowserlessClient browser = new BrowserlessClient();
        byte[] response = answer(startSignIn(browser)).build();
        assertEquals(303, postToAcs(browser, response).statusCode());

        HttpResponse<String> replay = postToAcs(browser, response);
        assertEquals(400, replay.statusCode());
        assertEquals("already_used", reasonCode(replay));
        BrowserlessClient attacker = new BrowserlessClient();
        HttpResponse<String> elsewhere = postToAcs(attacker, response);
        assertEquals("other_browser", reasonCode(elsewhere));
        assertFalse(hasUserSession(attacker));
    }

    @Test
    void anAnswerCountsOnlyInTheBrowserThatStartedTheSignIn() {
        BrowserlessClient victim = new BrowserlessClient();
        byte[] victimsAnswer = answer(startSignIn(victim)).build();

        // the IdP's cross-site POST carries no SameSite cookie: the ACS posts it again from its own site first
        BrowserlessClient attacker = new BrowserlessClient();
        HttpResponse<String> first = attacker.postOnce(endpoint("acs"), Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(victimsAnswer)));
        assertEquals(200, first.statusCode());
        Document repost = Jsoup.parse(first.body());
        assertEquals(endpoint("acs").toString(), repost.selectFirst("form").attr("action"));
        assertEquals("1", repost.selectFirst("input[name=OE_REPOSTED]").val());
        assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), "the re-post page starts nothing");

        HttpResponse<String> refused = postToAcs(attacker, victimsAnswer);
        assertEquals(400, refused.statusCode());
        assertEquals("other_browser", reasonCode(refused));
        assertEquals("/websafe/login", Jsoup.parse(refused.body()).selectFirst("#start-again").attr("href"));
        assertFalse(hasUserSession(attacker), "the victim's sign-in is not finished in the attacker's browser");

        BrowserlessClient attackerWithOwnSignIn = new BrowserlessClient();
        String ownRequest = startSignIn(attackerWithOwnSignIn);
        assertEquals("other_browser", reasonCode(postToAcs(attackerWithOwnSignIn, victimsAnswer)));
        String cookie = attackerWithOwnSignIn.cookie("127.0.0.1", "OE_SAML_REQ" + ownRequest).orElseThrow();
        assertTrue(cookie.startsWith("v2:") && !cookie.contains(tenant.number()), "the request is kept sealed: " + cookie);

        // the binding holds for the request the signed assertion answers, whatever the unsigned envelope names
        byte[] strippedEnvelope = answer(startSignIn(new BrowserlessClient())).unsignedResponse()
                .response(response -> response.setInResponseTo(null)).build();
        assertEquals("other_browser", reasonCode(postToAcs(attackerWithOwnSignIn, strippedEnvelope)));
        byte[] otherRequestNamed = answer(startSignIn(new BrowserlessClient())).unsignedResponse()
                .response(response -> response.setInResponseTo(startSignIn(attackerWithOwnSignIn))).build();
        assertEquals("other_browser", reasonCode(postToAcs(attackerWithOwnSignIn, otherRequestNamed)));
        assertFalse(hasUserSession(attackerWithOwnSignIn));

        HttpResponse<String> own = postToAcs(victim, victimsAnswer);
        assertEquals(303, own.statusCode(), "refusals elsewhere leave the victim's request open: " + own.body());
        assertTrue(hasUserSession(victim));
        assertTrue(tenant.api().get("/api/v1/accounts/" + tenant.number() + "/audit?size=50").body()
                .contains("Sign-in refused (other_browser)"));
    }

    @Test
    void refusesHostileBodiesWithAReasonAndAnAuditLine() throws Exception {
        String nested = "<a>".repeat(5000) + "</a>".repeat(5000);
        byte[] deep = ("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_deep\" Version=\"2.0\""
                + " IssueInstant=\"2026-12-01T12:00:00Z\"><samlp:Extensions>" + nested + "</samlp:Extensions></samlp:Response>")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooDeep = postToAcs(new BrowserlessClient(), deep);
        assertEquals(400, tooDeep.statusCode(), tooDeep.body());
        assertEquals("malformed_message", reasonCode(tooDeep));

        HttpResponse<String> tooLarge = new BrowserlessClient().postOnce(endpoint("acs"), Map.of("SAMLResponse",
                "A".repeat(3 * 1024 * 1024)));
        assertEquals(400, tooLarge.statusCode(), tooLarge.body());
        assertEquals("malformed_message", reasonCode(tooLarge));

        HttpResponse<String> noForm = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(endpoint("acs")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("SAMLResponse=%zz&OE_REPOSTED=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noForm.statusCode(), noForm.body());
        assertEquals("malformed_message", reasonCode(noForm));
        String audit = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/audit?size=50").body();
        assertTrue(audit.contains("nested more than 100 deep"), "the deep one audited");
        assertTrue(audit.contains("SAML message refused (malformed_message): The request body is"), "the large one audited");
    }

    @Test
    void refusesAnAssertionUsedBefore() {
        BrowserlessClient browser = new BrowserlessClient();
        String assertionId = "_" + Fixtures.unique("once");
        assertEquals(303, postToAcs(browser, answer(startSignIn(browser)).assertionId(assertionId).build()).statusCode());

        BrowserlessClient second = new BrowserlessClient();
        HttpResponse<String> reused = postToAcs(second, answer(startSignIn(second)).assertionId(assertionId).build());
        assertEquals("replayed_assertion", reasonCode(reused));
    }

    @Test
    void anAssertionRefusedAfterItsChecksIsUsedUpAllTheSame() {
        BrowserlessClient browser = new BrowserlessClient();
        String assertionId = "_" + Fixtures.unique("refused-once");
        HttpResponse<String> refused = postToAcs(browser, answer(startSignIn(browser)).assertionId(assertionId)
                .nameId("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", tenant.user().toLowerCase()).build());
        assertEquals("unknown_user", reasonCode(refused));

        BrowserlessClient second = new BrowserlessClient();
        HttpResponse<String> reused = postToAcs(second, answer(startSignIn(second)).assertionId(assertionId).build());
        assertEquals("replayed_assertion", reasonCode(reused));
        assertFalse(hasUserSession(second));
    }

    @Test
    void showsTheIdentityProvidersOwnRefusal() {
        BrowserlessClient browser = new BrowserlessClient();
        byte[] denied = answer(startSignIn(browser)).refusedWith(StatusCode.RESPONDER, StatusCode.REQUEST_DENIED,
                "The user is not assigned to this application.").build();
        HttpResponse<String> acs = postToAcs(browser, denied);

        assertEquals("idp_status", reasonCode(acs));
        String shown = Jsoup.parse(acs.body()).select("#idp-status").text();
        assertTrue(shown.contains("RequestDenied") && shown.contains("not assigned to this application"), shown);
        assertFalse(hasUserSession(browser));
    }

    @Test
    void refusesAnIdpInitiatedResponseUnlessEnabled() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> acs = postToAcs(browser, answer(null).build());
        assertEquals("unsolicited_response", reasonCode(acs));
    }

    @Test
    void matchesTheFederationIdCaseSensitively() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> acs = postToAcs(browser, answer(startSignIn(browser))
                .nameId("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", tenant.user().toLowerCase()).build());
        assertEquals("unknown_user", reasonCode(acs));
        assertFalse(hasUserSession(browser));
    }

    @Test
    void createsUsersJustInTimeOnlyInTheAccountsDomains() {
        configureIdentityProvider("HTTP_REDIRECT", true);
        try {
            String newcomer = Fixtures.unique("newcomer") + "@" + tenant.domain();
            BrowserlessClient browser = new BrowserlessClient();
            assertEquals(303, postToAcs(browser, answer(startSignIn(browser))
                    .nameId("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", newcomer).build()).statusCode());
            assertTrue(tenant.api().get("/api/v1/accounts/" + tenant.number() + "/users?q=" + newcomer).body().contains(newcomer));

            // the domain matches in any case, but no second user differs from the first only in case
            String otherSpelling = newcomer.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + newcomer.substring(1);
            BrowserlessClient again = new BrowserlessClient();
            assertEquals("unknown_user", reasonCode(postToAcs(again, answer(startSignIn(again))
                    .nameId("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", otherSpelling).build())));
            assertFalse(tenant.api().get("/api/v1/accounts/" + tenant.number() + "/users?q=" + newcomer).body()
                    .contains(otherSpelling), "the search finds both spellings, and there is one");

            BrowserlessClient outsider = new BrowserlessClient();
            HttpResponse<String> refused = postToAcs(outsider, answer(startSignIn(outsider))
                    .nameId("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", "eve@elsewhere.example").build());
            assertEquals("unknown_user", reasonCode(refused));
        } finally {
            configureIdentityProvider("HTTP_REDIRECT", false);
        }
    }

    @Test
    void anUnreadableCertificateIsReportedWithEveryOtherProblemOfTheManualEntry() {
        ApiClient.Reply refused = tenant.api().send("PUT", "/api/v1/accounts/" + tenant.number() + "/saml/identity-provider",
                Json.createObjectBuilder().add("ssoUrl", "ftp://idp.test.example/sso")
                        .add("certificates", Json.createArrayBuilder().add("not a certificate")).build().toString());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("rejected_values", refused.json().getString("code"));
        List<String> fields = refused.json().getJsonArray("problems").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(problem -> problem.getString("field")).toList();
        assertEquals(List.of("certificates", "entityId", "ssoUrl"), fields, refused.body());
        assertTrue(refused.body().contains("Certificate 1 of certificates is not an X.509 certificate"), refused.body());
    }

    @Test
    void answersGarbageWithAReasonInsteadOfAnError() {
        HttpResponse<String> acs = new BrowserlessClient().post(endpoint("acs"), Map.of("SAMLResponse", "not base64 !"));
        assertEquals(400, acs.statusCode());
        assertEquals("malformed_message", reasonCode(acs));
        assertEquals(404, new BrowserlessClient().get(base.resolve("saml/99999999/metadata")).statusCode());
    }

    // ---- SP key rollover ------------------------------------------------------------------------------------

    private List<X509Certificate> publishedSpCertificates() {
        EntityDescriptor metadata = (EntityDescriptor) OpenSaml.parse(
                new BrowserlessClient().get(endpoint("metadata")).body().getBytes(StandardCharsets.UTF_8));
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        for (KeyDescriptor key : metadata.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol").getKeyDescriptors()) {
            try {
                X509Certificate certificate = KeyInfoSupport.getCertificates(key.getKeyInfo()).get(0);
                if (!certificates.contains(certificate)) {
                    certificates.add(certificate);
                }
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificates;
    }

    @Test
    void rollsTheSpKeyOverWithoutBreakingSignIn() {
        String keys = "/api/v1/accounts/" + tenant.number() + "/saml/service-provider/keys";
        X509Certificate old = publishedSpCertificates().get(0);
        assertEquals(409, tenant.api().post(keys + "/activate-next", null).status(), "no next key yet");

        assertEquals(200, tenant.api().post(keys, null).status());
        List<X509Certificate> published = publishedSpCertificates();
        assertEquals(2, published.size(), "the next key is published before it is used");
        X509Certificate next = published.get(1);
        assertFalse(next.getSubjectX500Principal().equals(old.getSubjectX500Principal()),
                "each key has a subject of its own, which IdPs such as Keycloak tell keys apart by");
        BrowserlessClient early = new BrowserlessClient();
        assertEquals(303, postToAcs(early, answer(startSignIn(early)).encryptedFor(next).build()).statusCode(),
                "an IdP that already encrypts to the next key is understood");
        URI beforeActivation = URI.create(new BrowserlessClient().get(endpoint("login")).headers().firstValue("Location").orElseThrow());
        RedirectBinding.decode(beforeActivation.getRawQuery(), RedirectBinding.SAML_REQUEST).verify(List.of(old), false);

        assertEquals(200, tenant.api().post(keys + "/activate-next", null).status());
        assertEquals(List.of(next, old), publishedSpCertificates(), "the active key is listed first");
        URI afterActivation = URI.create(new BrowserlessClient().get(endpoint("login")).headers().firstValue("Location").orElseThrow());
        RedirectBinding.decode(afterActivation.getRawQuery(), RedirectBinding.SAML_REQUEST).verify(List.of(next), false);
        BrowserlessClient stillOld = new BrowserlessClient();
        assertEquals(303, postToAcs(stillOld, answer(startSignIn(stillOld)).encryptedFor(old).build()).statusCode(),
                "the previous key still decrypts until it is retired");

        assertEquals(200, tenant.api().post(keys + "/retire-previous", null).status());
        assertEquals(List.of(next), publishedSpCertificates());
        BrowserlessClient late = new BrowserlessClient();
        assertEquals("decryption_failed", reasonCode(postToAcs(late, answer(startSignIn(late)).encryptedFor(old).build())));
        String audit = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/audit").body();
        assertTrue(audit.contains("saml.sp-key-activated") && audit.contains("saml.sp-key-retired"), audit);
    }

    @Test
    void aCaIssuedKeyPairIsUploadedAsTheNextKeyAndSignsOnceActivated() {
        String keys = "/api/v1/accounts/" + tenant.number() + "/saml/service-provider/keys";
        TestCertificateAuthority ca = new TestCertificateAuthority();
        java.security.KeyPair pair = TestCertificateAuthority.rsa(2048);
        X509Certificate issued = ca.issue("CN=sso." + tenant.number() + ".example", pair, Instant.now().minusSeconds(60),
                Duration.ofDays(365), TestCertificateAuthority.SP_KEY_USAGE);
        char[] password = "p12-secret".toCharArray();
        String p12 = Base64.getEncoder().encodeToString(
                TestCertificateAuthority.pkcs12(password, pair.getPrivate(), issued, ca.certificate()));

        ApiClient.Reply wrongPassword = tenant.api().post(keys + "/upload",
                Json.createObjectBuilder().add("keyFile", p12).add("keyPassword", "nope").build().toString());
        assertEquals(400, wrongPassword.status(), wrongPassword.body());
        assertEquals("keyPassword", wrongPassword.json().getString("field"), wrongPassword.body());
        assertEquals(1, publishedSpCertificates().size(), "nothing was stored");

        ApiClient.Reply uploaded = tenant.api().post(keys + "/upload",
                Json.createObjectBuilder().add("keyFile", p12).add("keyPassword", "p12-secret").build().toString());
        assertEquals(200, uploaded.status(), uploaded.body());
        assertFalse(uploaded.body().contains("p12-secret"), "the password is never shown back");
        assertTrue(uploaded.body().contains("\"origin\":\"UPLOADED\""), uploaded.body());
        X509Certificate old = publishedSpCertificates().get(0);
        assertEquals(List.of(old, issued), publishedSpCertificates(), "published as the next key");
        assertEquals(409, tenant.api().post(keys + "/upload", Json.createObjectBuilder().add("keyFile", p12)
                .add("keyPassword", "p12-secret").build().toString()).status(), "one next key at a time");

        assertEquals(200, tenant.api().post(keys + "/activate-next", null).status());
        URI login = URI.create(new BrowserlessClient().get(endpoint("login")).headers().firstValue("Location").orElseThrow());
        RedirectBinding.decode(login.getRawQuery(), RedirectBinding.SAML_REQUEST).verify(List.of(issued), false);
        BrowserlessClient user = new BrowserlessClient();
        assertEquals(303, postToAcs(user, answer(startSignIn(user)).encryptedFor(issued).build()).statusCode(),
                "assertions encrypted to the uploaded certificate are decrypted with its key");
        assertEquals(200, tenant.api().post(keys + "/retire-previous", null).status());

        // A wrong upload is taken back before it ever signs.
        java.security.KeyPair other = TestCertificateAuthority.rsa(2048);
        X509Certificate otherCertificate = ca.issue("CN=other.example", other, Instant.now().minusSeconds(60),
                Duration.ofDays(30), null);
        String pem = Base64.getEncoder().encodeToString(TestCertificateAuthority.pem(otherCertificate, other.getPrivate()));
        assertEquals(200, tenant.api().post(keys + "/upload", Json.createObjectBuilder().add("keyFile", pem).build().toString()).status());
        assertEquals(List.of(issued, otherCertificate), publishedSpCertificates());
        assertEquals(200, tenant.api().post(keys + "/withdraw-next", null).status());
        assertEquals(List.of(issued), publishedSpCertificates());
    }

    // ---- draft, Test SSO, Enable -----------------------------------------------------------------------------

    @Test
    void theActiveConfigurationStaysInForceWhileADraftIsTestedAndEnabledOnlyAfterAPass() {
        String newEntityId = "https://idp.test.example/" + Fixtures.unique("rolled");
        try {
            SsoSetup.saveDraft(tenant.api(), tenant.number(), identityProviderJson(newEntityId, STRANGER, "HTTP_REDIRECT", false));
            ApiClient.Reply refused = tenant.api().post("/api/v1/accounts/" + tenant.number() + "/saml/enable", null);
            assertEquals(409, refused.status(), "no passed test of this draft yet");
            assertTrue(refused.json().getString("message").contains("Test SSO"), refused.body());

            BrowserlessClient user = new BrowserlessClient();
            assertEquals(303, postToAcs(user, answer(startSignIn(user)).build()).statusCode(), "the active IdP still signs users in");
            BrowserlessClient early = new BrowserlessClient();
            assertEquals("issuer_mismatch", reasonCode(postToAcs(early, answerFrom(newEntityId, STRANGER)
                    .inResponseTo(startSignIn(early)).build())),
                    "the draft's IdP is not trusted for sign-ins yet");

            long test = SsoSetup.runTest(tenant.api(), base, tenant.number(), answerFrom(newEntityId, STRANGER));
            assertEquals("PASSED", SsoSetup.outcome(tenant.api(), tenant.number(), test));
            SsoSetup.enable(tenant.api(), tenant.number());

            BrowserlessClient after = new BrowserlessClient();
            assertEquals(303, postToAcs(after, answerFrom(newEntityId, STRANGER).inResponseTo(startSignIn(after)).build())
                    .statusCode(), "the enabled draft is in force");
        } finally {
            configureIdentityProvider("HTTP_REDIRECT", false);
        }
    }

    @Test
    void aTestShowsTheParsedAssertionAndNeverSignsAnyoneIn() {
        SsoSetup.saveDraft(tenant.api(), tenant.number(), identityProviderJson(tenant.idpEntityId(), IDP_KEY, "HTTP_REDIRECT", false));
        long test = SsoSetup.runTest(tenant.api(), base, tenant.number(), answer(null));

        jakarta.json.JsonObject result = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/saml/tests/" + test).json();
        assertEquals("PASSED", result.getString("outcome"), result.toString());
        String assertion = result.getJsonArray("assertion").toString();
        assertTrue(assertion.contains("Issuer: " + tenant.idpEntityId()) && assertion.contains("NameID: " + tenant.user())
                && assertion.contains("NameID format: " + NameIdFormats.EMAIL_ADDRESS), assertion);
        assertTrue(result.getBoolean("ofCurrentDraft"));
        configureIdentityProvider("HTTP_REDIRECT", false);
    }

    @Test
    void aTestRunOpensOnlyWithTheKeyInItsUrl() {
        SsoSetup.saveDraft(tenant.api(), tenant.number(), identityProviderJson(tenant.idpEntityId(), IDP_KEY, "HTTP_REDIRECT", false));
        ApiClient.Reply started = tenant.api().post("/api/v1/accounts/" + tenant.number() + "/saml/tests", null);
        String url = started.json().getString("url");
        String guessed = url.substring(0, url.lastIndexOf('/') + 1) + "0".repeat(40);

        HttpResponse<String> refused = new BrowserlessClient().get(URI.create(guessed));
        assertEquals(400, refused.statusCode());
        assertEquals("unknown_request", reasonCode(refused));
        assertEquals("PENDING", SsoSetup.outcome(tenant.api(), tenant.number(), started.json().getJsonNumber("id").longValue()));
        assertEquals(302, new BrowserlessClient().get(URI.create(url)).statusCode(), "the real URL works");
        configureIdentityProvider("HTTP_REDIRECT", false);
    }

    @Test
    void aFailedTestDiagnosesTheProblemAndKeepsTheActiveConfiguration() {
        SsoSetup.saveDraft(tenant.api(), tenant.number(), identityProviderJson(tenant.idpEntityId(), IDP_KEY, "HTTP_REDIRECT", false));
        long wrongKey = SsoSetup.runTest(tenant.api(), base, tenant.number(), answer(null).signedBy(STRANGER));
        jakarta.json.JsonObject failed = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/saml/tests/" + wrongKey).json();
        assertEquals("FAILED", failed.getString("outcome"));
        assertEquals("signature_untrusted_key", failed.getString("reasonCode"));
        assertTrue(failed.getString("diagnosis").startsWith("Wrong certificate"), failed.getString("diagnosis"));

        long clockSkew = SsoSetup.runTest(tenant.api(), base, tenant.number(), answer(null).at(Instant.now().plusSeconds(600)));
        jakarta.json.JsonObject skew = tenant.api().get("/api/v1/accounts/" + tenant.number() + "/saml/tests/" + clockSkew).json();
        assertEquals("not_yet_valid", skew.getString("reasonCode"));
        assertTrue(skew.getString("diagnosis").contains("Clock skew") && skew.getString("diagnosis").contains("s before that"),
                skew.getString("diagnosis"));

        long unknownUser = SsoSetup.runTest(tenant.api(), base, tenant.number(),
                answer(null).nameId(NameIdFormats.EMAIL_ADDRESS, "nobody@" + tenant.domain()));
        assertEquals("unknown_user", tenant.api().get("/api/v1/accounts/" + tenant.number() + "/saml/tests/" + unknownUser)
                .json().getString("reasonCode"));
        assertEquals(409, tenant.api().post("/api/v1/accounts/" + tenant.number() + "/saml/enable", null).status());

        BrowserlessClient user = new BrowserlessClient();
        assertEquals(303, postToAcs(user, answer(startSignIn(user)).build()).statusCode(), "the active configuration still works");
        configureIdentityProvider("HTTP_REDIRECT", false);
    }

    @Test
    void anAccountThatSignsInWithPasswordsHasNoSsoSignIn() {
        String number = tenant.api().post("/api/v1/accounts", "{\"name\":\"" + Fixtures.unique("Passwords") + "\"}")
                .json().getString("number");
        SsoSetup.saveDraft(tenant.api(), number, identityProviderJson(tenant.idpEntityId(), IDP_KEY, "HTTP_REDIRECT", false));
        HttpResponse<String> login = new BrowserlessClient().get(base.resolve("saml/" + number + "/login"));
        assertEquals(404, login.statusCode());
        assertEquals("sso_not_configured", reasonCode(login));
    }

    // ---- single logout --------------------------------------------------------------------------------------

    private BrowserlessClient signedInBrowser() {
        BrowserlessClient browser = new BrowserlessClient();
        assertEquals(303, postToAcs(browser, answer(startSignIn(browser)).build()).statusCode());
        assertNotNull(userPortal(browser).selectFirst("#federation-id"));
        return browser;
    }

    @Test
    void endsTheSessionWhenTheIdentityProviderAsksAndAnswersWithASignedLogoutResponse() {
        BrowserlessClient browser = signedInBrowser();
        ServiceProviderParty idpAsSender = new ServiceProviderParty(tenant.idpEntityId(), IDP_SSO, IDP_SLO, IDP_KEY, List.of());
        LogoutRequest request = SamlMessages.logoutRequest(idpAsSender, "_" + Fixtures.unique("idp-logout"),
                endpoint("slo").toString(), new FederatedSession(tenant.user(), NameIdFormats.EMAIL_ADDRESS, null, null, "_session-1"),
                Instant.now());
        HttpResponse<String> slo = new BrowserlessClient().post(endpoint("slo"), Map.of("SAMLRequest",
                Base64.getEncoder().encodeToString(OpenSaml.serialize(XmlSigner.sign(request, IDP_KEY)))));

        assertEquals(302, slo.statusCode(), slo.body());
        URI location = URI.create(slo.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(IDP_SLO + "?SAMLResponse="));
        RedirectBinding.Received answer = RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_RESPONSE);
        answer.verify(List.of(spCertificate()), false);
        LogoutResponse response = (LogoutResponse) OpenSaml.parse(answer.xml());
        assertEquals(request.getID(), response.getInResponseTo());
        assertEquals(StatusCode.SUCCESS, response.getStatus().getStatusCode().getValue());
        assertTrue(userPortal(browser).select("#federation-id").isEmpty(), "the session has ended");
    }

    @Test
    void refusesAnUnsignedLogoutRequest() {
        BrowserlessClient browser = signedInBrowser();
        ServiceProviderParty idpAsSender = new ServiceProviderParty(tenant.idpEntityId(), IDP_SSO, IDP_SLO, IDP_KEY, List.of());
        LogoutRequest request = SamlMessages.logoutRequest(idpAsSender, "_forged", endpoint("slo").toString(),
                new FederatedSession(tenant.user(), NameIdFormats.EMAIL_ADDRESS, null, null, null), Instant.now());
        HttpResponse<String> slo = new BrowserlessClient().post(endpoint("slo"), Map.of("SAMLRequest",
                Base64.getEncoder().encodeToString(OpenSaml.serialize(request))));
        assertEquals("signature_missing", reasonCode(slo));
        assertEquals("Sign-out not possible", Jsoup.parse(slo.body()).select("h1").text(), "a logout speaks of signing out");
        assertEquals(tenant.user(), userPortal(browser).select("#federation-id").text(), "the session is still there");
    }

    @Test
    void aLogoutRequestEndsOnlySessionsOfTheWholeNameIdAsIssued() {
        BrowserlessClient browser = signedInBrowser();
        ServiceProviderParty idpAsSender = new ServiceProviderParty(tenant.idpEntityId(), IDP_SSO, IDP_SLO, IDP_KEY, List.of());
        for (FederatedSession other : List.of(new FederatedSession(tenant.user(), NameIdFormats.UNSPECIFIED, null, null, null),
                new FederatedSession(tenant.user(), NameIdFormats.EMAIL_ADDRESS, "https://other-idp.example", null, null))) {
            LogoutRequest request = SamlMessages.logoutRequest(idpAsSender, "_" + Fixtures.unique("idp-logout"),
                    endpoint("slo").toString(), other, Instant.now());
            HttpResponse<String> slo = new BrowserlessClient().post(endpoint("slo"), Map.of("SAMLRequest",
                    Base64.getEncoder().encodeToString(OpenSaml.serialize(XmlSigner.sign(request, IDP_KEY)))));
            assertEquals(302, slo.statusCode(), slo.body());
            assertEquals(tenant.user(), userPortal(browser).select("#federation-id").text(),
                    "a NameID of another Format or qualifier is another user: " + other);
        }
    }

    @Test
    void signsOutWithASignedLogoutRequestAndAcceptsTheIdentityProvidersAnswer() {
        BrowserlessClient browser = signedInBrowser();
        String signOut = userPortal(browser).selectFirst("#sign-out").attr("href");
        HttpResponse<String> logout = browser.get(base.resolve(signOut.substring(1)));

        assertEquals(302, logout.statusCode());
        URI location = URI.create(logout.headers().firstValue("Location").orElseThrow());
        RedirectBinding.Received sent = RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST);
        sent.verify(List.of(spCertificate()), false);
        LogoutRequest request = (LogoutRequest) OpenSaml.parse(sent.xml());
        assertEquals(tenant.user(), request.getNameID().getValue());
        assertEquals("_session-1", request.getSessionIndexes().get(0).getValue());
        assertTrue(userPortal(browser).select("#federation-id").isEmpty(), "signed out locally at once");

        ServiceProviderParty idpAsSender = new ServiceProviderParty(tenant.idpEntityId(), IDP_SSO, IDP_SLO, IDP_KEY, List.of());
        LogoutResponse answer = SamlMessages.logoutResponse(idpAsSender, request.getID(), endpoint("slo").toString(),
                StatusCode.SUCCESS, Instant.now());
        HttpResponse<String> confirmed = browser.post(endpoint("slo"), Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(OpenSaml.serialize(XmlSigner.sign(answer, IDP_KEY)))));
        assertEquals(302, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.headers().firstValue("Location").orElse("").endsWith("/websafe/?signedOut=everywhere"));
    }

    @Test
    void ignoresASignOutLinkWithoutTheSessionsToken() {
        BrowserlessClient browser = signedInBrowser();
        HttpResponse<String> forged = browser.get(base.resolve("websafe/logout?token=0000"));
        assertEquals(302, forged.statusCode());
        assertEquals(tenant.user(), userPortal(browser).select("#federation-id").text());
    }

    // ---- several identity providers per account --------------------------------------------------------------

    /** An IdP of the two-IdP account: its entity ID, sign-in URL and key. */
    private record Idp(String entityId, String sso, BasicX509Credential key) {

        static Idp generate(String host) {
            return new Idp("https://" + host + "/" + Fixtures.unique("realm"), "https://" + host + "/sso",
                    SelfSignedCertificates.generate(host, Instant.now().minusSeconds(3600), Duration.ofDays(30)));
        }

        String json() {
            return Json.createObjectBuilder().add("entityId", entityId).add("ssoUrl", sso).add("ssoBinding", "HTTP_REDIRECT")
                    .add("sloUrl", sso.replace("/sso", "/slo"))
                    .add("certificates", Json.createArrayBuilder().add(pem(key.getEntityCertificate()))).build().toString();
        }
    }

    private ResponseFixture answerAs(String account, Idp idp, String user) {
        URI sp = base.resolve("saml/" + account);
        return ResponseFixture.from(idp.entityId(), idp.key()).forServiceProvider(sp.toString(), sp + "/acs")
                .at(Instant.now()).nameId(NameIdFormats.EMAIL_ADDRESS, user).assertion(a -> a.getAttributeStatements().clear());
    }

    /** Starts a sign-in at {@code /login} with these query parameters; returns where it went and the request id. */
    private static Map.Entry<String, String> signInAt(BrowserlessClient browser, URI login) {
        URI location = URI.create(browser.get(login).headers().firstValue("Location").orElseThrow());
        String id = ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST)
                .xml())).getID();
        return Map.entry(location.getScheme() + "://" + location.getHost() + location.getPath(), id);
    }

    @Test
    void eachIdentityProviderOfAnAccountSignsInOnlyTheDomainsAssignedToIt() {
        ApiClient api = tenant.api();
        String account = ApiSteps.createAccount(api, Fixtures.unique("Group"));
        String parent = Fixtures.uniqueDomain();
        String subsidiary = Fixtures.uniqueDomain();
        ApiSteps.addDomains(api, account, parent, subsidiary);
        String parentUser = "pat@" + parent;
        String subsidiaryUser = "sam@" + subsidiary;
        ApiSteps.addUser(api, account, parentUser);
        ApiSteps.addUser(api, account, subsidiaryUser);
        Idp entra = Idp.generate("entra.test.example");
        Idp duo = Idp.generate("duo.test.example");
        SsoSetup.enableWithScriptedIdp(api, base, account, null, entra.json(), answerAs(account, entra, parentUser));
        SsoSetup.enableWithScriptedIdp(api, base, account, "duo-subsidiary", duo.json(),
                answerAs(account, duo, subsidiaryUser), subsidiary);
        URI login = base.resolve("saml/" + account + "/login");
        URI acs = base.resolve("saml/" + account + "/acs");

        // each sign-in goes to the identity provider asked for, and takes its answer for its own domains only
        BrowserlessClient subsidiaryBrowser = new BrowserlessClient();
        Map.Entry<String, String> toDuo = signInAt(subsidiaryBrowser, URI.create(login + "?idp=duo-subsidiary"));
        assertEquals(duo.sso(), toDuo.getKey());
        HttpResponse<String> signedIn = subsidiaryBrowser.post(acs, Map.of("SAMLResponse", Base64.getEncoder().encodeToString(
                answerAs(account, duo, subsidiaryUser).inResponseTo(toDuo.getValue()).build())));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals(subsidiaryUser, userPortal(subsidiaryBrowser).select("#federation-id").text());

        BrowserlessClient intruder = new BrowserlessClient();
        String request = signInAt(intruder, URI.create(login + "?idp=duo-subsidiary")).getValue();
        HttpResponse<String> refused = intruder.post(acs, Map.of("SAMLResponse", Base64.getEncoder().encodeToString(
                answerAs(account, duo, parentUser).inResponseTo(request).build())));
        assertEquals("identity_provider_not_serving", reasonCode(refused), "the subsidiary's IdP vouched for the parent's user");
        assertFalse(hasUserSession(intruder));

        Map.Entry<String, String> toEntra = signInAt(intruder, login);
        assertEquals(entra.sso(), toEntra.getKey(), "without idp, the default");
        refused = intruder.post(acs, Map.of("SAMLResponse", Base64.getEncoder().encodeToString(
                answerAs(account, entra, subsidiaryUser).inResponseTo(toEntra.getValue()).build())));
        assertEquals("identity_provider_not_serving", reasonCode(refused), "the default does not sign in an assigned domain");
        request = signInAt(intruder, login).getValue();
        refused = intruder.post(acs, Map.of("SAMLResponse", Base64.getEncoder().encodeToString(
                answerAs(account, duo, subsidiaryUser).inResponseTo(request).build())));
        assertEquals("issuer_mismatch", reasonCode(refused), "a request to one IdP takes no answer from another");
        assertFalse(hasUserSession(intruder));
        assertEquals(404, new BrowserlessClient().get(URI.create(login + "?idp=No%20Such")).statusCode());

        // a logout of one IdP ends only the sessions it signed in
        ServiceProviderParty entraAsSender = new ServiceProviderParty(entra.entityId(), entra.sso(), entra.sso(), entra.key(), List.of());
        FederatedSession samsSession = new FederatedSession(subsidiaryUser, NameIdFormats.EMAIL_ADDRESS, null, null, "_session-1");
        HttpResponse<String> slo = new BrowserlessClient().post(base.resolve("saml/" + account + "/slo"), Map.of("SAMLRequest",
                Base64.getEncoder().encodeToString(OpenSaml.serialize(XmlSigner.sign(SamlMessages.logoutRequest(entraAsSender,
                        "_" + Fixtures.unique("logout"), base.resolve("saml/" + account + "/slo").toString(), samsSession,
                        Instant.now()), entra.key())))));
        assertEquals(302, slo.statusCode(), slo.body());
        assertTrue(slo.headers().firstValue("Location").orElse("").startsWith(entra.sso().replace("/sso", "/slo")));
        assertEquals(subsidiaryUser, userPortal(subsidiaryBrowser).select("#federation-id").text(),
                "Entra ID cannot sign out a user Duo signed in");

        // the list, an entity ID in force only once, and removal
        JsonObject status = api.get(SsoSetup.path(account, "duo-subsidiary")).json();
        assertEquals("duo-subsidiary", status.getString("identityProvider"));
        assertEquals(List.of("primary", "duo-subsidiary"), status.getJsonArray("identityProviders").stream()
                .map(idp -> idp.asJsonObject().getString("name")).toList());
        assertEquals(List.of(subsidiary), status.getJsonArray("identityProviders").get(1).asJsonObject()
                .getJsonArray("serves").getValuesAs(JsonString::getString));
        SsoSetup.saveDraft(api, account, "copycat", duo.json());
        SsoSetup.assignDomains(api, account, "copycat", subsidiary);
        long test = SsoSetup.runTest(api, base, account, "copycat", answerAs(account, duo, subsidiaryUser));
        assertEquals("PASSED", SsoSetup.outcome(api, account, test));
        ApiClient.Reply twice = api.post(SsoSetup.path(account, "copycat") + "/enable", null);
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.body().contains("duo-subsidiary"), twice.body());
        assertEquals(400, api.send("PUT", SsoSetup.path(account, "copycat") + "/domains",
                "{\"domains\":[\"nowhere.example\"]}").status());
        assertEquals(200, api.send("DELETE", SsoSetup.path(account, "copycat"), null).status());
        assertEquals(200, api.send("DELETE", SsoSetup.path(account, "duo-subsidiary"), null).status());
        assertTrue(userPortal(subsidiaryBrowser).select("#federation-id").isEmpty(), "its sessions ended with it");
        BrowserlessClient afterwards = new BrowserlessClient();
        request = signInAt(afterwards, login).getValue();
        assertEquals(303, afterwards.post(acs, Map.of("SAMLResponse", Base64.getEncoder().encodeToString(
                answerAs(account, entra, subsidiaryUser).inResponseTo(request).build()))).statusCode(),
                "the domain went back to the default");
        ApiClient.Reply last = api.send("DELETE", SsoSetup.path(account, null), null);
        assertEquals(409, last.status(), "the only one in force while the account signs in with SAML: " + last.body());
        String audit = api.get("/api/v1/accounts/" + account + "/audit").body();
        assertTrue(audit.contains("saml.idp-domains-assigned") && audit.contains("saml.idp-removed"), audit);
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
