package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.KeycloakServer;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.SsoSetup;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * Interoperability with a real, independent IdP: Keycloak, configured from our SP metadata exactly as an IdP
 * administrator would import it, and our account configured from Keycloak's IdP metadata. A scripted browser signs
 * in (AuthnRequest over Redirect and over POST), with a plain and with an encrypted assertion, and signs out with
 * Single Logout at both ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakInteropIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static KeycloakServer keycloak;
    private static Federation federation;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    /** The last SAML Response the scripted browser carried to our ACS, to check what Keycloak actually sent. */
    private static Response lastResponse;

    private record Federation(String account, String realm, String clientId, String user, ApiClient api) {
    }

    @BeforeAll
    static void startKeycloak() throws Exception {
        if (Boolean.getBoolean("openenvelope.test.skip-keycloak")) {
            System.err.println("\n*** KeycloakInteropIT SKIPPED (-Dopenenvelope.test.skip-keycloak=true): the SAML interoperability "
                    + "tests against a real IdP did not run. ***\n");
            Assumptions.abort("skipped on request: -Dopenenvelope.test.skip-keycloak=true");
        }
        keycloak = KeycloakServer.take();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        base = Deployments.loopback(deployed);
        if (federation == null) {
            ApiClient api = PortalSteps.serviceApi(base, "Keycloak");
            String account = ApiSteps.createAccount(api, Fixtures.unique("Keycloak realm"));
            String domain = Fixtures.uniqueDomain();
            ApiSteps.addDomains(api, account, domain);
            String user = "alice@" + domain;
            ApiSteps.addUser(api, account, user);

            String realm = "oe-" + account;
            keycloak.createRealm(realm);
            keycloak.createUser(realm, "alice", user, PASSWORD);
            String metadata = new BrowserlessClient().get(base.resolve("saml/" + account + "/metadata")).body();
            String clientId = keycloak.importSamlClient(realm, metadata, Map.of(
                    "saml_name_id_format", "email",
                    "saml.force.name.id.format", "true",
                    "saml.server.signature", "true",
                    "saml.assertion.signature", "true",
                    "saml.signature.algorithm", "RSA_SHA256",
                    "saml.client.signature", "true",
                    "saml.encrypt", "false"));
            federation = new Federation(account, realm, clientId, user, api);
            configureFromKeycloakMetadata("HTTP_REDIRECT");
        }
    }

    /**
     * Our account trusts the realm as its IdP metadata describes it (entity ID, endpoint, signing certificate): saved
     * as the draft, tested with a real sign-in at Keycloak, then enabled.
     */
    private void configureFromKeycloakMetadata(String binding) throws CertificateException {
        SsoSetup.saveDraft(federation.api(), federation.account(), keycloakDraft(binding).build().toString());
        long test = testThroughKeycloak("alice", Duration.ZERO);
        assertEquals("PASSED", SsoSetup.outcome(federation.api(), federation.account(), test),
                federation.api().get("/api/v1/accounts/" + federation.account() + "/saml/tests/" + test).body());
        SsoSetup.enable(federation.api(), federation.account());
    }

    /** The manual entry an administrator makes from the realm's metadata, to change before saving. */
    private jakarta.json.JsonObjectBuilder keycloakDraft(String binding) throws CertificateException {
        EntityDescriptor descriptor = (EntityDescriptor) OpenSaml.parse(
                keycloak.descriptor(federation.realm()).getBytes(StandardCharsets.UTF_8));
        IDPSSODescriptor idp = descriptor.getIDPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");
        var certificates = Json.createArrayBuilder();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() != UsageType.ENCRYPTION) {
                for (X509Certificate certificate : KeyInfoSupport.getCertificates(key.getKeyInfo())) {
                    certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
                }
            }
        }
        return Json.createObjectBuilder().add("entityId", descriptor.getEntityID())
                .add("ssoUrl", keycloak.samlEndpoint(federation.realm())).add("ssoBinding", binding)
                .add("sloUrl", keycloak.samlEndpoint(federation.realm())).add("sloBinding", "HTTP_REDIRECT")
                .add("certificates", certificates);
    }

    /**
     * Test SSO of the draft: the administrator's browser signs in at Keycloak as {@code username} with the draft
     * configuration, and carries Keycloak's answer to our ACS after {@code delay}.
     */
    private long testThroughKeycloak(String username, Duration delay) {
        ApiClient.Reply started = federation.api().post("/api/v1/accounts/" + federation.account() + "/saml/tests", null);
        assertEquals(201, started.status(), started.body());
        HttpResponse<String> after = loginAtKeycloak(new BrowserlessClient(), URI.create(started.json().getString("url")),
                username, delay);
        assertTrue(after.uri().getPath().equals("/login.xhtml") || after.uri().getPath().startsWith("/admin/accounts/sso-test"),
                "the ACS sends the administrator to the result page: " + after.uri());
        return started.json().getJsonNumber("id").longValue();
    }

    // ---- a scripted browser ---------------------------------------------------------------------------------

    /**
     * Follows what a browser would: redirects, and the self-submitting forms of the POST binding, until a page
     * that needs a person (Keycloak's login form) or the user portal.
     */
    private static HttpResponse<String> follow(BrowserlessClient browser, HttpResponse<String> response) {
        return follow(browser, response, Duration.ZERO);
    }

    /** As {@link #follow(BrowserlessClient, HttpResponse)}, holding the IdP's answer for {@code delay} before our ACS gets it. */
    private static HttpResponse<String> follow(BrowserlessClient browser, HttpResponse<String> response, Duration delay) {
        for (int hop = 0; hop < 15; hop++) {
            URI at = response.uri();
            if (response.statusCode() / 100 == 3) {
                response = browser.get(at.resolve(response.headers().firstValue("Location").orElseThrow()));
                continue;
            }
            Document page = Jsoup.parse(response.body(), at.toString());
            Element form = page.selectFirst("form:has(input[name=SAMLRequest]), form:has(input[name=SAMLResponse])");
            if (response.statusCode() == 200 && form != null) {
                Map<String, String> fields = fields(form);
                if (fields.containsKey("SAMLResponse") && form.absUrl("action").endsWith("/acs")) {
                    lastResponse = (Response) OpenSaml.parse(Base64.getDecoder().decode(fields.get("SAMLResponse")));
                    pause(delay);
                }
                response = browser.post(URI.create(form.absUrl("action")), fields);
                continue;
            }
            return response;
        }
        throw new AssertionError("too many hops, last at " + response.uri());
    }

    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        return fields;
    }

    /** Signs in at the account's login URL through Keycloak's login form; returns the user portal page. */
    private Document signIn(BrowserlessClient browser) {
        HttpResponse<String> landed = loginAtKeycloak(browser, base.resolve("saml/" + federation.account() + "/login"));
        assertEquals(base.resolve("websafe/"), landed.uri(), landed.body());
        return Jsoup.parse(landed.body());
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From one of our URLs through Keycloak's login form (as alice) and back, to wherever we send the browser. */
    private static HttpResponse<String> loginAtKeycloak(BrowserlessClient browser, URI start) {
        return loginAtKeycloak(browser, start, "alice", Duration.ZERO);
    }

    private static HttpResponse<String> loginAtKeycloak(BrowserlessClient browser, URI start, String username, Duration delay) {
        HttpResponse<String> loginPage = follow(browser, browser.get(start));
        Element form = Jsoup.parse(loginPage.body(), loginPage.uri().toString()).getElementById("kc-form-login");
        assertNotNull(form, "Keycloak's login form, at " + loginPage.uri() + ": " + loginPage.body());
        Map<String, String> credentials = fields(form);
        credentials.put("username", username);
        credentials.put("password", PASSWORD);
        return follow(browser, browser.post(URI.create(form.absUrl("action")), credentials), delay);
    }

    // ---- tests ----------------------------------------------------------------------------------------------

    @Test
    void signsInThroughKeycloakWithARedirectAuthnRequest() {
        BrowserlessClient browser = new BrowserlessClient();
        assertEquals(302, browser.get(base.resolve("saml/" + federation.account() + "/login")).statusCode());
        Document portal = signIn(browser);
        assertEquals(federation.user(), portal.select("#federation-id").text());
        assertTrue(lastResponse.isSigned() && lastResponse.getAssertions().get(0).isSigned(), "Keycloak signed both");
        assertEquals(NameIdFormats.EMAIL_ADDRESS, lastResponse.getAssertions().get(0).getSubject().getNameID().getFormat());
    }

    @Test
    void signsInThroughKeycloakWithAPostedAuthnRequest() throws Exception {
        configureFromKeycloakMetadata("HTTP_POST");
        try {
            HttpResponse<String> autoPost = new BrowserlessClient().get(base.resolve("saml/" + federation.account() + "/login"));
            assertEquals(200, autoPost.statusCode());
            assertNotNull(Jsoup.parse(autoPost.body()).selectFirst("input[name=SAMLRequest]"), "a self-posting form");
            assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text());
        } finally {
            configureFromKeycloakMetadata("HTTP_REDIRECT");
        }
    }

    @Test
    void decryptsTheAssertionKeycloakEncryptsToOurMetadataKey() {
        keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml.encrypt", "true"));
        try {
            assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text());
            assertEquals(1, lastResponse.getEncryptedAssertions().size(), "Keycloak encrypted the assertion");
            assertTrue(lastResponse.getAssertions().isEmpty());
        } finally {
            keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml.encrypt", "false"));
        }
    }

    @Test
    void aPersonSignsInAndOutInARealBrowser() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base.resolve("saml/" + federation.account() + "/login").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            Browser.screenshot(driver, "sso-keycloak-login");
            driver.findElement(By.id("username")).sendKeys("alice");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("federation-id")));
            assertEquals(federation.user(), driver.findElement(By.id("federation-id")).getText());
            Browser.screenshot(driver, "sso-user-portal-signed-in");

            driver.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
            assertTrue(driver.getCurrentUrl().endsWith("/websafe/?signedOut=everywhere"), driver.getCurrentUrl());
            Browser.screenshot(driver, "sso-user-portal-signed-out");
        } finally {
            driver.quit();
        }
    }

    @Test
    void aPersonTheAccountDoesNotKnowIsToldWhyAndGetsNoSession() throws Exception {
        keycloak.createUser(federation.realm(), "mallory", "mallory@elsewhere.example", PASSWORD);
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base.resolve("saml/" + federation.account() + "/login").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            driver.findElement(By.id("username")).sendKeys("mallory");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reason-code")));
            assertEquals("unknown_user", driver.findElement(By.id("reason-code")).getText());
            assertEquals("You are not registered as a user of this account.", driver.findElement(By.id("reason")).getText());
            Browser.screenshot(driver, "sso-refused-unknown-user");
            driver.get(base.resolve("websafe/").toString());
            assertTrue(driver.findElements(By.id("federation-id")).isEmpty());
        } finally {
            driver.quit();
        }
    }

    @Test
    void anAdministratorImportsKeycloakMetadataTestsAndEnablesSsoInThePortal() throws Exception {
        java.nio.file.Path metadataFile = java.nio.file.Files.createTempFile("keycloak-idp-metadata", ".xml");
        java.nio.file.Files.writeString(metadataFile, keycloak.descriptor(federation.realm()));
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base.resolve("login.xhtml").toString());
            driver.findElement(By.id("signin:email")).sendKeys(Deployments.adminEmail());
            driver.findElement(By.id("signin:password")).sendKeys(Deployments.adminPassword());
            driver.findElement(By.id("signin:submit")).click();
            wait.until(ExpectedConditions.urlContains("/admin/"));

            driver.get(base.resolve("admin/accounts/details.xhtml?account=" + federation.account()).toString());
            driver.findElement(By.id("configureSso")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import:metadataFile")));
            driver.findElement(By.id("import:metadataFile")).sendKeys(metadataFile.toString());
            driver.findElement(By.cssSelector("input[name='import:trust'][value='false']")).click();
            driver.findElement(By.id("import:preview")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metadata-preview")));
            assertEquals(keycloak.realmUrl(federation.realm()), driver.findElement(By.id("preview-entity-id")).getText());
            assertEquals("Not signed", driver.findElement(By.id("preview-signature")).getText());
            Browser.screenshot(driver, "sso-import-preview", driver.findElement(By.id("metadata-preview")));
            driver.findElement(By.id("import:import")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-entity-id")));
            Browser.screenshot(driver, "sso-details", driver.findElement(By.id("draft")));

            String portalTab = driver.getWindowHandle();
            driver.findElement(By.id("test:startTest")).click();
            wait.until(driver1 -> driver1.getWindowHandles().size() == 2);
            driver.getWindowHandles().stream().filter(handle -> !handle.equals(portalTab)).findFirst()
                    .ifPresent(handle -> driver.switchTo().window(handle));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            driver.findElement(By.id("username")).sendKeys("alice");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sso-test-result")));
            assertTrue(driver.findElement(By.id("outcome")).getText().startsWith("Test passed"),
                    driver.findElement(By.id("sso-test-result")).getText());
            assertTrue(driver.findElement(By.id("assertion")).getText().contains(federation.user()));
            Browser.screenshot(driver, "sso-test-result");

            driver.findElement(By.id("enable:enable")).click();
            wait.until(ExpectedConditions.urlContains("/admin/accounts/details.xhtml"));
            assertTrue(driver.getPageSource().contains("SAML 2.0 single sign-on"));
        } finally {
            driver.quit();
            java.nio.file.Files.deleteIfExists(metadataFile);
        }
    }

    @Test
    void singleLogoutEndsTheSessionHereAndAtKeycloak() {
        BrowserlessClient browser = new BrowserlessClient();
        Document portal = signIn(browser);
        String signOut = portal.selectFirst("#sign-out").attr("href");

        HttpResponse<String> done = follow(browser, browser.get(base.resolve(signOut.substring(1))));
        assertEquals(base.resolve("websafe/?signedOut=everywhere"), done.uri(), done.body());
        assertTrue(Jsoup.parse(done.body()).select("#federation-id").isEmpty());

        // Keycloak's own session is gone too: the next sign-in asks for the password again.
        HttpResponse<String> again = follow(browser, browser.get(base.resolve("saml/" + federation.account() + "/login")));
        assertNotNull(Jsoup.parse(again.body()).getElementById("kc-form-login"), "Keycloak asks for credentials again");
    }

    @Test
    void aTransientNameIdWithTheUidSentByItsOidNameIdentifiesTheUserOnceChosen() throws CertificateException {
        // as Shibboleth and pysaml2 send it: Name urn:oid:…100.1.1, NameFormat uri, FriendlyName uid
        String mapper = keycloak.addProtocolMapper(federation.realm(), federation.clientId(), Json.createObjectBuilder()
                .add("name", "uid by OID").add("protocol", "saml").add("protocolMapper", "saml-user-property-mapper")
                .add("config", Json.createObjectBuilder().add("user.attribute", "username")
                        .add("attribute.name", "urn:oid:0.9.2342.19200300.100.1.1")
                        .add("attribute.nameformat", "URI Reference").add("friendly.name", "uid")).build());
        keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml_name_id_format", "transient"));
        try {
            if (!federation.api().get("/api/v1/accounts/" + federation.account() + "/users?q=alice").body().contains("\"alice\"")) {
                ApiSteps.addUser(federation.api(), federation.account(), "alice");
            }
            SsoSetup.saveDraft(federation.api(), federation.account(), keycloakDraft("HTTP_REDIRECT").build().toString());
            String tests = "/api/v1/accounts/" + federation.account() + "/saml/tests/";
            // the draft identifies users by the NameID: a transient one cannot, and the result offers what came instead
            long byNameId = testThroughKeycloak("alice", Duration.ZERO);
            jakarta.json.JsonObject refused = federation.api().get(tests + byNameId).json();
            assertEquals("federation_id_missing", refused.getString("reasonCode"), refused.toString());
            assertFalse(refused.getBoolean("nameIdIdentifies"), refused.toString());
            String oid = "urn:oid:0.9.2342.19200300.100.1.1";
            assertTrue(refused.getJsonArray("receivedAttributes").getValuesAs(jakarta.json.JsonString.class).stream()
                    .anyMatch(name -> name.getString().equals(oid)), refused.toString());

            ApiClient.Reply chosen = federation.api().post(tests + byNameId + "/identify-users",
                    Json.createObjectBuilder().add("attribute", oid).build().toString());
            assertEquals(200, chosen.status(), chosen.body());
            assertEquals("ATTRIBUTE", chosen.json().getString("federationIdSource"));
            long byUid = testThroughKeycloak("alice", Duration.ZERO);
            jakarta.json.JsonObject result = federation.api().get(tests + byUid).json();
            assertEquals("PASSED", result.getString("outcome"), result.toString());
            String found = result.getJsonArray("assertion").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).filter(line -> line.startsWith("Federation ID: ")).findFirst()
                    .orElseThrow();
            assertTrue(found.startsWith("Federation ID: alice (") && found.endsWith(
                    "from the attribute \"" + oid + "\", as configured"), found);
        } finally {
            // the choice is the account's own and outlives imports: the other tests identify users by the NameID
            federation.api().send("PATCH", "/api/v1/accounts/" + federation.account() + "/saml/identity-provider",
                    "{\"federationIdSource\": \"NAME_ID\"}");
            keycloak.removeProtocolMapper(federation.realm(), federation.clientId(), mapper);
            keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml_name_id_format", "email"));
        }
    }

    // ---- Test SSO diagnoses against the real IdP ------------------------------------------------------------

    /** Saves {@code draft}, runs Test SSO through Keycloak, and returns the run's result as the API shows it. */
    private jakarta.json.JsonObject diagnose(jakarta.json.JsonObjectBuilder draft, String username, Duration delay) {
        SsoSetup.saveDraft(federation.api(), federation.account(), draft.build().toString());
        long test = testThroughKeycloak(username, delay);
        jakarta.json.JsonObject result = federation.api().get("/api/v1/accounts/" + federation.account()
                + "/saml/tests/" + test).json();
        assertEquals("FAILED", result.getString("outcome"), result.toString());
        return result;
    }

    @Test
    void testSsoDiagnosesAWrongCertificateAWrongEntityIdAnUnknownUserAndClockSkew() throws Exception {
        X509Certificate stranger = SelfSignedCertificates.generate("not-keycloak.example", java.time.Instant.now().minusSeconds(60),
                Duration.ofDays(30)).getEntityCertificate();
        jakarta.json.JsonObject wrongCertificate = diagnose(keycloakDraft("HTTP_REDIRECT").add("certificates",
                Json.createArrayBuilder().add(Base64.getEncoder().encodeToString(stranger.getEncoded()))), "alice", Duration.ZERO);
        assertEquals("signature_untrusted_key", wrongCertificate.getString("reasonCode"), wrongCertificate.toString());
        assertTrue(wrongCertificate.getString("diagnosis").startsWith("Wrong certificate"), wrongCertificate.toString());

        jakarta.json.JsonObject wrongEntityId = diagnose(keycloakDraft("HTTP_REDIRECT")
                .add("entityId", keycloak.realmUrl(federation.realm()) + "-old"), "alice", Duration.ZERO);
        assertEquals("issuer_mismatch", wrongEntityId.getString("reasonCode"), wrongEntityId.toString());
        assertTrue(wrongEntityId.getString("diagnosis").startsWith("Identity provider entity ID mismatch"));

        keycloak.createUser(federation.realm(), "trudy", "trudy@unknown.example", PASSWORD);
        jakarta.json.JsonObject unknownUser = diagnose(keycloakDraft("HTTP_REDIRECT"), "trudy", Duration.ZERO);
        assertEquals("unknown_user", unknownUser.getString("reasonCode"), unknownUser.toString());
        assertTrue(unknownUser.getString("diagnosis").startsWith("Federation ID not found among users")
                && unknownUser.getString("diagnosis").contains("trudy@unknown.example"), unknownUser.toString());

        // Keycloak's assertions live 1 s; held for 3 s with no skew tolerated, they arrive expired as with a slow clock.
        keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml.assertion.lifespan", "1"));
        try {
            jakarta.json.JsonObject skew = diagnose(keycloakDraft("HTTP_REDIRECT").add("clockSkewSeconds", 0), "alice",
                    Duration.ofSeconds(3));
            assertTrue(skew.getString("reasonCode").contains("expired"), skew.toString());
            assertTrue(skew.getString("diagnosis").startsWith("Clock skew") && skew.getString("diagnosis").matches("(?s).*\\d+ s.*"),
                    "the diagnosis gives the measured offset: " + skew);
        } finally {
            keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml.assertion.lifespan", ""));
        }
        assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text(),
                "failed tests of drafts never touched the configuration in force");
    }

    @Test
    void theSpKeyRollsOverWhileKeycloakKeepsSigningUsersIn() throws Exception {
        String keys = "/api/v1/accounts/" + federation.account() + "/saml/service-provider/keys";
        // Keycloak reads the keys from our SP metadata URL (as IdPs that can should be set up for rollover) and keeps
        // them for the metadata's cacheDuration (5 s in tests, an hour by default), so each step waits as an
        // administrator waits for the IdP.
        keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of(
                "saml.useMetadataDescriptorUrl", "true",
                "saml.metadataDescriptorUrl", base.resolve("saml/" + federation.account() + "/metadata").toString(),
                "saml.encrypt", "true"));
        Duration idpRereads = Duration.ofSeconds(11);
        try {
            assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text());
            assertEquals(200, federation.api().post(keys, null).status());
            assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text(),
                    "with a next key published");
            pause(idpRereads);
            assertEquals(200, federation.api().post(keys + "/activate-next", null).status());
            assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text(),
                    "signing with the new key, whichever published key Keycloak encrypts to");
            pause(idpRereads);
            assertEquals(200, federation.api().post(keys + "/retire-previous", null).status());
            pause(idpRereads);
            assertEquals(federation.user(), signIn(new BrowserlessClient()).select("#federation-id").text(),
                    "after the old key left the metadata");
            assertEquals(1, lastResponse.getEncryptedAssertions().size(), "Keycloak encrypted to the key in force");
        } finally {
            keycloak.updateClientAttributes(federation.realm(), federation.clientId(), Map.of("saml.encrypt", "false"));
        }
    }
}
