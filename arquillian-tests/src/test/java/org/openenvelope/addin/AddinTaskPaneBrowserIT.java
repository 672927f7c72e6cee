package org.openenvelope.addin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.graph.FakeMicrosoft;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.testing.AddinSenders;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.FakeMailbox;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * The add-in's task pane in headless Chromium, in a window as narrow as Outlook's task pane, with a stand-in for
 * Office.js (served where the service is configured to load Office.js from) that records what the add-in does to
 * the message: sign-in by password (one-time password replaced), the identity provider's sign-in in the Office
 * dialog, Flag by subject and by header, Encrypt answered "not available", and the Encryption Flow Summary.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddinTaskPaneBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;
    private AddinSenders senders;
    private FakeMicrosoft officeCdn;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        base = Deployments.loopback(deployed);
        senders = new AddinSenders(base, PortalSteps.serviceApi(base, "Add-in task pane"));
        officeCdn = new FakeMicrosoft(Integer.getInteger("openenvelope.test.fake-microsoft-port"));
        try (InputStream standIn = AddinTaskPaneBrowserIT.class.getResourceAsStream("/office-stand-in/office.js")) {
            officeCdn.server().stubFor(get(urlPathEqualTo("/lib/1/hosted/office.js")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/javascript")
                    .withBody(new String(standIn.readAllBytes(), StandardCharsets.UTF_8))));
        }
        driver = Browser.start();
        driver.manage().window().setSize(new Dimension(380, 860));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        // The fake CDN's port is fixed (the service under test was started pointing at it): it must be free again
        // for the next test, even when the browser did not start or does not quit cleanly.
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (officeCdn != null) {
                officeCdn.close();
            }
        }
    }

    /** Opens the task pane as Outlook would for a message being written in the mailbox. */
    private void openTaskPane(String mailbox, String subject, Map<String, Object> more) {
        driver.get(base.resolve("addin/support.html").toString());
        var setup = Json.createObjectBuilder().add("mailbox", mailbox).add("subject", subject);
        more.forEach((key, value) -> {
            if (value instanceof jakarta.json.JsonValue json) {
                setup.add(key, json);
            } else if (value instanceof Boolean flag) {
                setup.add(key, flag);
            } else {
                setup.add(key, value.toString());
            }
        });
        driver.executeScript("sessionStorage.setItem('officeStandIn', arguments[0])", setup.build().toString());
        driver.get(base.resolve("addin/taskpane.html").toString());
    }

    private void next() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        driver.findElement(By.id("sign-in-button")).click();
    }

    private void password(String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
    }

    private String outcome(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flow-outcome"), expected));
        return driver.findElement(By.id("flow-outcome")).getText();
    }

    private String step(String step) {
        return driver.findElement(By.cssSelector("#flow-steps li[data-step='" + step + "']")).getText();
    }

    private String stepClass(String step) {
        return driver.findElement(By.cssSelector("#flow-steps li[data-step='" + step + "']")).getAttribute("class");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> officeCalls() {
        return (List<Map<String, Object>>) driver.executeScript("return window.officeStandIn.calls");
    }

    private boolean called(String method) {
        return officeCalls().stream().anyMatch(call -> method.equals(call.get("method")));
    }

    private Object item(String property) {
        return driver.executeScript("return window.officeStandIn.item[arguments[0]]", property);
    }

    private Object stored() {
        return driver.executeScript("return localStorage.getItem('openenvelope.addin.session')");
    }

    @Test
    void aSenderSignsInAndTheSubjectIsFlaggedThenTheAddinRemembersTheSender() throws Exception {
        AddinSenders.Sender who = senders.sender("alice", "FLAG", 7, "SUBJECT", "[secure]");
        String email = who.email();

        openTaskPane(email, "Quarterly figures", Map.of());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertEquals(email, driver.findElement(By.id("email")).getAttribute("value"), "the mailbox's address to start with");
        Browser.screenshot(driver, "addin-taskpane-sign-in");
        next();
        password("not the password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-error"), "is not right"));
        assertEquals("", driver.findElement(By.id("password")).getAttribute("value"), "a wrong password is not kept");
        password(AddinSenders.PASSWORD);

        assertTrue(outcome("flagged").contains("Click Send"));
        assertEquals("[secure] Quarterly figures", item("subject"));
        assertTrue(step("INITIATED").startsWith("Encryption Initiated\n"), step("INITIATED"));
        assertTrue(step("AUTHENTICATED").startsWith("Successfully Authenticated\n"));
        assertTrue(step("FLAGGED").startsWith("Message Flagged for Encryption\n"));
        assertTrue(step("FLAGGED").matches("(?s).*\\d{4}; \\d{2}:\\d{2}:\\d{2}.*"), "with its time: " + step("FLAGGED"));
        assertTrue(stepClass("FLAGGED").contains("done"));
        assertEquals(email, driver.findElement(By.id("sender")).getText());
        String remembered = (String) stored();
        assertTrue(remembered != null && remembered.contains("\"token\""), "remembered for the domain's 7 days");
        assertFalse(remembered.contains(AddinSenders.PASSWORD), "the password is never kept");
        Browser.screenshot(driver, "addin-taskpane-flagged");

        // The next message: no sign-in; a subject that already carries the flag is left as it is.
        openTaskPane(email, "[SECURE] Board minutes", Map.of());
        outcome("flagged");
        assertTrue(driver.findElement(By.id("sign-in")).getAttribute("hidden") != null, "not asked to sign in again");
        assertEquals("[SECURE] Board minutes", item("subject"));
        assertFalse(called("item.subject.setAsync"));

        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertNull(stored(), "signing out forgets the token");
    }

    @Test
    void aRuleOfTheAccountTurnsAFlagDomainsMessageToAPartnerIntoEncryptAndSaysSo() throws Exception {
        AddinSenders.Sender who = senders.sender("rita", "FLAG", 1, "SUBJECT", "[secure]");
        ApiClient.Reply added = senders.admin().post("/api/v1/accounts/" + who.account() + "/rules",
                "{\"condition\":\"RECIPIENT_DOMAIN\",\"value\":\"partner.example\",\"action\":\"ENCRYPT\"}");
        assertEquals(201, added.status(), added.body());

        openTaskPane(who.email(), "Contract", Map.of("to", Json.createArrayBuilder().add("bob@mail.partner.example").build()));
        next();
        password(AddinSenders.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("encrypt-send")));
        assertTrue(driver.findElement(By.id("flow-outcome")).getText()
                .contains("Your organisation's rule: Encrypt messages to partner.example"), driver.findElement(By.id("flow-outcome")).getText());
        assertEquals("Contract", item("subject"), "not flagged: the rule asks for Encrypt, which waits for the sender");
        assertTrue(called("item.to.getAsync"));
        Browser.screenshot(driver, "addin-taskpane-rule");

        // to anyone else, the domain's Flag applies as before
        openTaskPane(who.email(), "Minutes", Map.of("to", Json.createArrayBuilder().add("carol@elsewhere.example").build()));
        assertEquals("Your message is flagged. Click Send: your organisation's gateway encrypts it on the way out.",
                outcome("flagged"));
        assertEquals("[secure] Minutes", item("subject"));
    }

    @Test
    void anAdministratorSignsASenderOutOfTheAddinOnTheUsersPage() throws Exception {
        AddinSenders.Sender who = senders.sender("lena", "FLAG", 30, "SUBJECT", "[secure]");
        openTaskPane(who.email(), "Offer", Map.of());
        next();
        password(AddinSenders.PASSWORD);
        outcome("flagged");

        driver.get(base.resolve("login.xhtml").toString());
        driver.findElement(By.id("signin:email")).sendKeys(Deployments.adminEmail());
        driver.findElement(By.id("signin:password")).sendKeys(Deployments.adminPassword());
        driver.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.urlContains("/admin/"));
        driver.get(base.resolve("admin/accounts/users.xhtml?account=" + who.account()).toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-list"), "Signed in on 1 device"));
        driver.manage().window().setSize(new Dimension(1280, 900));
        Browser.screenshot(driver, "users-addin-signed-in");
        // asked first, naming whom and how many devices; dismissed, nothing happens
        driver.findElement(By.xpath("//table[@id='user-list']//input[@value='Sign out of the add-in']")).click();
        org.openqa.selenium.Alert asked = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(asked.getText().contains("out of the Outlook add-in on 1 device"), asked.getText());
        asked.dismiss();
        assertTrue(driver.findElement(By.id("user-list")).getText().contains("Signed in on 1 device"), "dismissed: still");
        driver.findElement(By.xpath("//table[@id='user-list']//input[@value='Sign out of the add-in']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is signed out of the Outlook add-in (1 session)"));
        assertTrue(driver.findElement(By.id("user-list")).getText().contains("Not signed in"));

        driver.manage().window().setSize(new Dimension(380, 860));
        openTaskPane(who.email(), "Offer", Map.of());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertNull(stored(), "the pane forgot the token the service no longer knows");
    }

    @Test
    void encryptSavesTheDraftAndTheServiceSendsItEncryptedStepByStep() throws Exception {
        AddinSenders.Sender who = senders.sender("bob", "ENCRYPT", 1, "SUBJECT", "[secure]");
        String email = who.email();
        senders.connectToMicrosoft(who.account());
        FakeMailbox mailbox = new FakeMailbox(officeCdn, email, email, ("From: " + email + "\r\nTo: reader@partner.example\r\n"
                + "Subject: Salary review\r\n\r\nThe numbers.\r\n").getBytes(StandardCharsets.US_ASCII));

        openTaskPane(email, "Salary review", Map.of("restId", FakeMailbox.DRAFT));
        next();
        password(AddinSenders.PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("encrypt-send")));
        assertFalse(called("item.saveAsync"), "opening the pane sends nothing");
        driver.findElement(By.id("encrypt-send")).click();
        assertEquals("Your message was encrypted and sent. This window closes by itself: sending it from Outlook as"
                + " well would send it again, unencrypted.", outcome("encrypted and sent"));
        for (String step : List.of("INITIATED", "AUTHENTICATED", "ENCRYPTED", "SENT")) {
            assertTrue(stepClass(step).contains("done"), step + ": " + stepClass(step));
        }
        assertTrue(step("SENT").startsWith("Message Sent"), step("SENT"));
        assertTrue(called("item.saveAsync") && called("mailbox.convertToRestId"), "the draft is saved and named for REST");
        assertTrue(mailbox.calls().contains("POST " + mailbox.messages() + "/" + FakeMailbox.OUTGOING + "/send"));
        assertFalse(driver.findElement(By.id("start-again")).isDisplayed());
        assertEquals("Salary review", item("subject"), "Encrypt leaves the subject alone");
        Browser.screenshot(driver, "addin-taskpane-encrypt-sent");
        assertTrue(driver.findElement(By.id("close-message")).isDisplayed());
        assertFalse(driver.findElement(By.id("encrypt-send")).isDisplayed(), "nothing left to send");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> called("item.close"));

        // An Outlook without what Encrypt needs is told so in plain words, and nothing is asked of the service.
        openTaskPane(email, "Salary review", Map.of("mailboxRequirement", "1.2"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("encrypt-send"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "needs Mailbox 1.3"));
        assertFalse(called("item.saveAsync"));
        Browser.screenshot(driver, "addin-taskpane-encrypt-old-outlook");

        // The page opened in a plain browser, outside Outlook: it says where it belongs instead of failing.
        openTaskPane(email, "", Map.of("outsideOutlook", true));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("starting"), "Open it from a message you are writing"));
        assertFalse(driver.findElement(By.id("sign-in")).isDisplayed());
    }

    @Test
    void aOneTimePasswordIsReplacedInThePaneAndAHeaderFlagIsAddedOrRefusedInPlainWords() throws Exception {
        String domain = Fixtures.uniqueDomain();
        String number = senders.account(domain);
        senders.configure(number, domain, "FLAG", 0, "HEADER", "X-Secure-Envelope: yes");
        String email = "carol@" + domain;
        String oneTime = senders.userWithOneTimePassword(number, email);

        openTaskPane(email, "Contract", Map.of());
        next();
        password(oneTime);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-password")));
        driver.findElement(By.id("new-password")).sendKeys("short");
        driver.findElement(By.id("sign-in-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("newPassword-error"), "at least 12"));
        driver.findElement(By.id("new-password")).clear();
        driver.findElement(By.id("new-password")).sendKeys(AddinSenders.PASSWORD);
        driver.findElement(By.id("sign-in-button")).click();
        outcome("flagged");
        assertEquals(Map.of("X-Secure-Envelope", "yes"), item("headers"));
        assertEquals("Contract", item("subject"));
        assertNull(stored(), "0 days: the token stays in memory only");

        // Outlook without Mailbox 1.8 cannot add headers: the pane says so; signing in again, as nothing was kept.
        openTaskPane(email, "Contract", Map.of("mailboxRequirement", "1.5"));
        next();
        password(AddinSenders.PASSWORD);
        outcome("not protected");
        assertTrue(step("FLAGGED").contains("cannot add message headers (it needs Mailbox 1.8)"), step("FLAGGED"));
        assertEquals(Map.of(), item("headers"));
        assertTrue(driver.findElement(By.id("start-again")).isDisplayed(), "another Outlook may do it");
    }

    @Test
    void aFederatedSenderSignsInWithTheIdentityProviderInTheOfficeDialog() throws Exception {
        String domain = Fixtures.uniqueDomain();
        String number = senders.account(domain);
        senders.configure(number, domain, "FLAG", 3, "SUBJECT", "[encrypt]");
        String user = "judy@" + domain;
        senders.admin().post("/api/v1/accounts/" + number + "/users", Json.createObjectBuilder().add("federationId", user).build().toString());
        // The scripted IdP's sign-in page: a page of the service itself, where the test answers as the IdP would.
        String identityProviderPage = base.resolve("addin/support.html").toString();
        ScriptedIdentityProvider idp = ScriptedIdentityProvider.enable(senders.admin(), base, number, user, identityProviderPage);

        openTaskPane(user, "Merger", Map.of());
        next();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identity-provider-button")));
        assertFalse(driver.findElement(By.id("password-field")).isDisplayed(), "no password for a federated account");
        Browser.screenshot(driver, "addin-taskpane-identity-provider");
        String pane = driver.getWindowHandle();
        driver.findElement(By.id("identity-provider-button")).click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        assertTrue(called("ui.displayDialogAsync"));

        driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(pane)).findFirst().orElseThrow());
        wait.until(ExpectedConditions.urlContains("SAMLRequest="));
        URI atIdp = URI.create(driver.getCurrentUrl());
        assertTrue(atIdp.toString().startsWith(identityProviderPage + "?SAMLRequest="), "the dialog went to the IdP: " + atIdp);
        String requestId = ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(atIdp.getRawQuery(),
                RedirectBinding.SAML_REQUEST).xml())).getID();
        driver.executeScript("const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];"
                + "const field = document.createElement('input'); field.type = 'hidden'; field.name = 'SAMLResponse';"
                + "field.value = arguments[1]; form.append(field); document.body.append(form); form.submit();",
                base.resolve("saml/" + number + "/acs").toString(), idp.answerTo(requestId));

        wait.until(d -> d.getWindowHandles().size() == 1);
        driver.switchTo().window(pane);
        outcome("flagged");
        assertEquals("[encrypt] Merger", item("subject"));
        assertEquals(user, driver.findElement(By.id("sender")).getText());
        assertTrue(called("dialog.close"));
        Object targetOrigin = officeCalls().stream().filter(call -> "dialog.messageReceived".equals(call.get("method")))
                .findFirst().map(call -> ((Map<?, ?>) call.get("args")).get("targetOrigin")).orElse(null);
        assertEquals(base.getScheme() + "://" + base.getRawAuthority(), targetOrigin, "the token goes to the pane's origin only");
        assertTrue(((String) stored()).contains("\"token\""));
    }
}
