package org.openenvelope.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensaml.security.x509.BasicX509Credential;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.keys.TestCertificateAuthority;
import org.openenvelope.saml.metadata.IdpMetadataFixture;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.MetadataServer;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.openenvelope.testing.SsoSetup;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Details tab's SSO page in headless Chromium, as an account administrator uses it: manual entry with a
 * certificate upload (an expired certificate refused with its dates, a valid one shown with its fingerprint), and
 * metadata uploads that must be refused with a precise message and nothing saved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SsoPortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String account;

    @BeforeEach
    void signInAndOpenTheSsoPage() throws Exception {
        base = Deployments.loopback(deployed);
        account = PortalSteps.createAccount(PortalSteps.serviceAdministrator(base), Fixtures.unique("SSO portal"));
        driver = Browser.start();
        // Chromium may answer "node does not belong to the document" for a node of the page being left: try again
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(WebDriverException.class);
        driver.get(base.resolve("login.xhtml").toString());
        driver.findElement(By.id("signin:email")).sendKeys(Deployments.adminEmail());
        driver.findElement(By.id("signin:password")).sendKeys(Deployments.adminPassword());
        driver.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.urlContains("/admin/"));
        driver.get(base.resolve("admin/accounts/sso.xhtml?account=" + account).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft:entityId")));
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    private static Path pem(X509Certificate certificate) throws Exception {
        Path file = Files.createTempFile("idp-certificate", ".pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    private void enterIdentityProvider(Path certificate) {
        driver.findElement(By.id("draft:entityId")).clear();
        driver.findElement(By.id("draft:entityId")).sendKeys("https://idp.portal.example/" + account);
        driver.findElement(By.id("draft:ssoUrl")).clear();
        driver.findElement(By.id("draft:ssoUrl")).sendKeys("https://idp.portal.example/sso");
        driver.findElement(By.id("draft:alternateEmailAttribute")).clear();
        driver.findElement(By.id("draft:alternateEmailAttribute")).sendKeys("mail");
        driver.findElement(By.id("draft:certificate")).sendKeys(certificate.toString());
        driver.findElement(By.id("draft:saveDraft")).click();
    }

    @Test
    void manualEntryRefusesAnExpiredCertificateWithItsDatesAndSavesAValidOne() throws Exception {
        // a file that is no certificate is named with every other problem of the form, not alone
        Path notACertificate = Files.createTempFile("not-a-certificate", ".pem");
        Files.writeString(notACertificate, "hello");
        driver.findElement(By.id("draft:ssoUrl")).clear();
        driver.findElement(By.id("draft:ssoUrl")).sendKeys("http://plain.portal.example/sso");
        driver.findElement(By.id("draft:certificate")).sendKeys(notACertificate.toString());
        driver.findElement(By.id("draft:saveDraft")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft"), notACertificate.getFileName().toString()));
        String both = driver.findElement(By.id("draft")).getText();
        assertTrue(both.contains("must be an absolute https:// URL"), "the SSO URL's problem too: " + both);

        X509Certificate expired = SelfSignedCertificates.generate("expired.portal.example",
                Instant.now().minus(Duration.ofDays(400)), Duration.ofDays(365)).getEntityCertificate();
        enterIdentityProvider(pem(expired));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "expired on"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("expired on " + expired.getNotAfter().toInstant()), page);
        assertTrue(driver.findElements(By.id("draft-entity-id")).isEmpty(), "nothing was saved");
        Browser.screenshot(driver, "sso-manual-entry-refused", driver.findElement(By.id("draft")));

        X509Certificate valid = SelfSignedCertificates.generate("valid.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(365)).getEntityCertificate();
        assertTrue(driver.findElement(By.id("draft:signAuthnRequests")).isSelected(), "entered by hand: signed unless unticked");
        enterIdentityProvider(pem(valid));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-entity-id")));
        assertEquals("requests signed", driver.findElement(By.id("draft-signing")).getText());
        assertEquals("https://idp.portal.example/" + account, driver.findElement(By.id("draft-entity-id")).getText());
        assertTrue(driver.findElement(By.id("trusted-certificates")).getText().contains("CN=valid.portal.example"));
        assertEquals("Password", driver.findElement(By.id("authentication-method")).getText(), "a draft changes nothing yet");
        Browser.screenshot(driver, "sso-manual-entry-saved", driver.findElement(By.id("draft")));
    }

    @Test
    void aSecondIdentityProviderIsAddedByNameAndGivenTheDomainsItSignsIn() throws Exception {
        String parent = Fixtures.uniqueDomain();
        String subsidiary = Fixtures.uniqueDomain();
        ApiClient api = PortalSteps.serviceApi(base, "SSO portal identity providers");
        ApiSteps.addDomains(api, account, parent, subsidiary);
        Path certificate = pem(SelfSignedCertificates.generate("entra.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(365)).getEntityCertificate());
        enterIdentityProvider(certificate);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-entity-id")));

        driver.findElement(By.id("identityProviders:newName")).sendKeys("Duo Subsidiary");
        driver.findElement(By.id("identityProviders:addIdp")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identityProviders"), "is not allowed"));
        driver.findElement(By.id("identityProviders:newName")).clear();
        driver.findElement(By.id("identityProviders:newName")).sendKeys("duo-subsidiary");
        driver.findElement(By.id("identityProviders:addIdp")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editing-idp"), "duo-subsidiary"));
        assertTrue(driver.findElements(By.id("draft-entity-id")).isEmpty(), "a new identity provider starts empty");
        enterIdentityProvider(certificate);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-entity-id")));
        driver.findElement(By.cssSelector("#idp-domains input[value='" + subsidiary + "']")).click();
        driver.findElement(By.id("identityProviders:assignDomains")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("idp-list"), "Assigned, not yet"));
        String list = driver.findElement(By.id("idp-list")).getText();
        assertTrue(list.contains("primary (default)") && list.contains("duo-subsidiary"), list);
        assertTrue(list.contains("until it is enabled and the entries verified): " + subsidiary), list);
        assertTrue(driver.findElement(By.cssSelector("#idp-domains input[value='" + subsidiary + "']")).isSelected(),
                "the assignment is shown on the page it was made on");
        Browser.screenshot(driver, "sso-identity-providers", driver.findElement(By.id("identityProviders")));
        assertEquals(List.of(subsidiary), api.get("/api/v1/accounts/" + account
                + "/saml/identity-providers/duo-subsidiary").json().getJsonArray("identityProviders").get(1).asJsonObject()
                .getJsonArray("assigned").getValuesAs(JsonString::getString));
    }

    @Test
    void aTestSsoResultOffersTheAttributesReceivedToIdentifyUsersBy() throws Exception {
        // an IdP that names users by a transient NameID and sends uid by its OID, as Shibboleth does
        BasicX509Credential idpKey = SelfSignedCertificates.generate("idp.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(30));
        String entityId = "https://idp.portal.example/" + Fixtures.unique("realm");
        ApiClient api = PortalSteps.serviceApi(base, "Test SSO result");
        SsoSetup.saveDraft(api, account, Json.createObjectBuilder().add("entityId", entityId)
                .add("ssoUrl", "https://idp.portal.example/sso").add("certificates", Json.createArrayBuilder()
                        .add(ScriptedIdentityProvider.pem(idpKey.getEntityCertificate()))).build().toString());
        String uidByOid = "urn:oid:0.9.2342.19200300.100.1.1";
        long test = SsoSetup.runTest(api, base, account, ResponseFixture.from(entityId, idpKey)
                .forServiceProvider(base.resolve("saml/" + account).toString(), base.resolve("saml/" + account + "/acs").toString())
                .at(Instant.now()).nameId(NameIdFormats.TRANSIENT, "_f81d4fae7dec")
                .assertion(a -> {
                    a.getAttributeStatements().get(0).getAttributes().clear();
                    a.getAttributeStatements().get(0).getAttributes().add(ResponseFixture.attribute(uidByOid, "alice"));
                }));

        driver.get(base.resolve("admin/accounts/sso-test.xhtml?account=" + account + "&test=" + test).toString());
        assertEquals("federation_id_missing", driver.findElement(By.id("reason-code")).getText());
        assertTrue(driver.findElement(By.id("assertion")).getText().contains("Attribute " + uidByOid + "\nalice"),
                "names with colons are shown whole: " + driver.findElement(By.id("assertion")).getText());
        String choices = driver.findElement(By.id("identify-choices")).getText();
        assertTrue(choices.contains(uidByOid) && !choices.contains("The NameID"), "a transient NameID is not offered: " + choices);
        Browser.screenshot(driver, "sso-test-identify-users", driver.findElement(By.id("sso-test-result")));
        driver.findElement(By.id("identify")).findElement(By.cssSelector("input[value='Identify users by this attribute']")).click();

        wait.until(ExpectedConditions.urlContains("/admin/accounts/sso.xhtml"));
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("now identifies users by the attribute " + uidByOid));
        assertEquals("ATTRIBUTE", new Select(driver.findElement(By.id("draft:federationIdSource"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(uidByOid, driver.findElement(By.id("draft:federationIdAttribute")).getAttribute("value"));
    }

    @Test
    void theAccountOverviewAndTheDashboardWarnAboutCertificatesExpiringWithin30Days() throws Exception {
        X509Certificate soon = SelfSignedCertificates.generate("soon.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(12)).getEntityCertificate();
        enterIdentityProvider(pem(soon));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-entity-id")));

        driver.get(base.resolve("admin/accounts/details.xhtml?account=" + account).toString());
        String overview = driver.findElement(By.id("expiring")).getText();
        assertTrue(overview.contains("IdP signing certificate (primary, draft)") && overview.contains("CN=soon.portal.example"), overview);

        driver.get(base.resolve("admin/accounts/index.xhtml").toString());
        String dashboard = driver.findElement(By.id("expiring")).getText();
        assertTrue(dashboard.contains(account) && dashboard.contains("CN=soon.portal.example"), dashboard);
        Browser.screenshot(driver, "sso-expiry-dashboard");
    }

    @Test
    void theSpKeyRollsOverWithTheButtonsOfTheSsoPage() throws Exception {
        String before = driver.findElement(By.id("sp-keys")).getText();
        assertTrue(before.contains("ACTIVE") && !before.contains("NEXT"), before);
        driver.findElement(By.id("serviceProvider:addNextKey")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("serviceProvider:activateNextKey")));
        assertTrue(driver.findElement(By.id("sp-keys")).getText().contains("NEXT"));
        Browser.screenshot(driver, "sso-sp-key-rollover", driver.findElement(By.id("serviceProvider")));
        driver.findElement(By.id("serviceProvider:activateNextKey")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("serviceProvider:retirePreviousKey")));
        assertTrue(driver.findElement(By.id("sp-keys")).getText().contains("PREVIOUS"));
        driver.findElement(By.id("serviceProvider:retirePreviousKey")).click();
        org.openqa.selenium.Alert asked = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(asked.getText().startsWith("Retire the previous SP key?"), asked.getText());
        asked.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sp-keys"), "RETIRED"));
    }

    @Test
    void aCaIssuedKeyPairIsUploadedAsTheNextKeyAndTheWrongPasswordIsNamed() throws Exception {
        TestCertificateAuthority ca = new TestCertificateAuthority();
        java.security.KeyPair pair = TestCertificateAuthority.rsa(2048);
        X509Certificate issued = ca.issue("CN=sso.portal.example", pair, Instant.now().minusSeconds(60), Duration.ofDays(365),
                TestCertificateAuthority.SP_KEY_USAGE);
        Path p12 = Files.createTempFile("sp-key", ".p12");
        Files.write(p12, TestCertificateAuthority.pkcs12("s3cret-p12".toCharArray(), pair.getPrivate(), issued, ca.certificate()));

        driver.findElement(By.id("serviceProvider:keyFile")).sendKeys(p12.toString());
        driver.findElement(By.id("serviceProvider:keyPassword")).sendKeys("not-it");
        driver.findElement(By.id("serviceProvider:uploadNextKey")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("serviceProvider"), "does not open"));
        assertEquals("", driver.findElement(By.id("serviceProvider:keyPassword")).getAttribute("value"), "never shown back");
        assertTrue(!driver.findElement(By.id("sp-keys")).getText().contains("NEXT"), "nothing was stored");

        driver.findElement(By.id("serviceProvider:keyFile")).sendKeys(p12.toString());
        driver.findElement(By.id("serviceProvider:keyPassword")).sendKeys("s3cret-p12");
        driver.findElement(By.id("serviceProvider:uploadNextKey")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("serviceProvider:withdrawNextKey")));
        String keys = driver.findElement(By.id("sp-keys")).getText();
        assertTrue(keys.contains("NEXT") && keys.contains("CA-issued, uploaded") && keys.contains("CN=sso.portal.example"), keys);
        assertTrue(!driver.getPageSource().contains("s3cret-p12"));
        Browser.screenshot(driver, "sso-sp-key-uploaded", driver.findElement(By.id("serviceProvider")));

        driver.findElement(By.id("serviceProvider:withdrawNextKey")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("serviceProvider:addNextKey")));
        assertTrue(driver.findElement(By.id("sp-keys")).getText().contains("RETIRED"));
    }

    @Test
    void metadataIsImportedFromAnHttpsUrlWithItsRefreshInterval() throws Exception {
        TestCertificateAuthority ca = new TestCertificateAuthority();
        MetadataServer.trust(Path.of(System.getProperty("openenvelope.test.metadata-trust-store")), ca.certificate());
        X509Certificate signing = SelfSignedCertificates.generate("adfs.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(365)).getEntityCertificate();
        try (MetadataServer adfs = MetadataServer.start(ca)) {
            adfs.serve(IdpMetadataFixture.adfs("adfs.portal.example", signing, signing).build());
            driver.findElement(By.id("import:metadataUrl")).sendKeys(adfs.url().toString());
            driver.findElement(By.id("import:refreshHours")).clear();
            driver.findElement(By.id("import:refreshHours")).sendKeys("12");
            driver.findElement(By.cssSelector("input[name='import:trust'][value='false']")).click();
            driver.findElement(By.id("import:preview")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metadata-preview")));
            assertEquals("http://adfs.portal.example/adfs/services/trust", driver.findElement(By.id("preview-entity-id")).getText());
            Browser.screenshot(driver, "sso-import-url-preview", driver.findElement(By.id("import")));
            assertEquals("Accepted unsigned", driver.findElement(By.id("preview-signing")).getText());
            driver.findElement(By.id("import:import")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-metadata-url")));
            String source = driver.findElement(By.id("draft-metadata-url")).getText();
            assertTrue(source.contains(adfs.url().toString()) && source.contains("every 12 hours"), source);
            assertEquals("requests not signed", driver.findElement(By.id("draft-signing")).getText(),
                    "ADFS's metadata does not ask for signed requests");
            assertFalse(driver.findElement(By.id("draft:signAuthnRequests")).isSelected());
        }
    }

    @Test
    void anIdentityProviderWhoseMetadataAcceptsOnlySignedRequestsIsNeverSentUnsignedOnes() throws Exception {
        X509Certificate signing = SelfSignedCertificates.generate("keycloak.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(365)).getEntityCertificate();
        Path keycloak = Files.createTempFile("keycloak", ".xml");
        Files.write(keycloak, IdpMetadataFixture.keycloak("https://keycloak.portal.example", account, signing).build());
        driver.findElement(By.id("import:metadataFile")).sendKeys(keycloak.toString());
        driver.findElement(By.cssSelector("input[name='import:trust'][value='false']")).click();
        driver.findElement(By.cssSelector("input[name='import:signAuthnRequests'][value='unsigned']")).click();
        driver.findElement(By.id("import:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import"), "accepts only signed requests"));
        assertTrue(driver.findElements(By.id("metadata-preview")).isEmpty());

        driver.findElement(By.cssSelector("input[name='import:signAuthnRequests'][value='metadata']")).click();
        driver.findElement(By.id("import:preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metadata-preview")));
        assertEquals("Accepted only signed (WantAuthnRequestsSigned)", driver.findElement(By.id("preview-signing")).getText());
        driver.findElement(By.id("import:import")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-signing")));
        assertEquals("requests signed", driver.findElement(By.id("draft-signing")).getText());
        assertTrue(driver.findElement(By.id("draft")).getText().contains("metadata says it accepts only signed requests"));

        driver.findElement(By.id("draft:signAuthnRequests")).click();
        driver.findElement(By.id("draft:saveDraft")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft"), "must be signed"));
        Browser.screenshot(driver, "sso-unsigned-requests-refused", driver.findElement(By.id("draft")));
        assertEquals("requests signed", driver.findElement(By.id("draft-signing")).getText(), "nothing was saved");
    }

    @Test
    void metadataUploadsThatCannotBeTrustedAreRefusedPrecisely() throws Exception {
        Path hostile = Files.createTempFile("hostile", ".xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        driver.findElement(By.id("import:metadataFile")).sendKeys(hostile.toString());
        driver.findElement(By.id("import:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "DOCTYPE"));
        assertTrue(driver.findElements(By.id("metadata-preview")).isEmpty());

        X509Certificate signing = SelfSignedCertificates.generate("duo.portal.example", Instant.now().minusSeconds(60),
                Duration.ofDays(365)).getEntityCertificate();
        Path unsigned = Files.createTempFile("unsigned", ".xml");
        Files.writeString(unsigned, "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://duo.portal.example\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor>"
                + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
                + Base64.getEncoder().encodeToString(signing.getEncoded()) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
                + "</md:KeyDescriptor><md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"https://duo.portal.example/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>");
        driver.findElement(By.id("import:metadataFile")).sendKeys(unsigned.toString());
        driver.findElement(By.id("import:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "more secure mode requires a signature"));
        Browser.screenshot(driver, "sso-import-refused", driver.findElement(By.id("import")));

        driver.findElement(By.id("import:metadataFile")).sendKeys(unsigned.toString());
        driver.findElement(By.cssSelector("input[name='import:trust'][value='false']")).click();
        driver.findElement(By.id("import:preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metadata-preview")));
        assertEquals("Not signed", driver.findElement(By.id("preview-signature")).getText());
        assertTrue(driver.findElement(By.id("preview-changes")).getText().contains("new identity provider https://duo.portal.example"));
        assertTrue(driver.findElements(By.id("draft-entity-id")).isEmpty(), "a preview saves nothing");
    }
}
