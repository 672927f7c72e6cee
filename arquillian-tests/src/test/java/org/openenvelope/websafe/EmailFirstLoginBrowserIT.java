package org.openenvelope.websafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.IdentityProviderSite;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.openenvelope.testing.SealedMessages;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /websafe/login} in headless Chromium as a recipient uses it: the address finds the account through its
 * Profiles; a Password account asks for the password (a one-time password is replaced on the spot), a SAML account
 * sends the browser to its identity provider, and every address nobody here signs in gets the same message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmailFirstLoginBrowserIT {

    private static final String NOT_SERVED = "This address cannot sign in here";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;
    private ApiClient api;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        base = Deployments.loopback(deployed);
        api = PortalSteps.serviceApi(base, "Email-first login");
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    /** An account with a Profiles domain; returns its number. */
    private String accountWithDomain(String domain) {
        String number = ApiSteps.createAccount(api, Fixtures.unique("Email first"));
        ApiSteps.addDomains(api, number, domain);
        return number;
    }

    private void enterEmail(String email) {
        driver.get(base.resolve("websafe/login").toString());
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:next")).click();
    }

    private void enterPassword(String password) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:password")));
        field.sendKeys(password);
        driver.findElement(By.id("login:signIn")).click();
        // The answer is a new page: wait for it, so that what is looked for next is not found on this one (after
        // one wrong password every password page says "is not right"). Chromium reports a node of the old page as
        // stale or, while the new one loads, as "not belonging to the document": either means it is gone.
        wait.until(d -> {
            try {
                field.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Test
    void aPasswordAccountAsksForThePasswordAndAOneTimePasswordIsReplacedAtOnce() throws Exception {
        String domain = Fixtures.uniqueDomain();
        String number = accountWithDomain(domain);
        String email = "Carol." + Fixtures.unique("Jones") + "@" + domain;
        long user = ApiSteps.addUser(api, number, email);
        ApiClient.Reply issued = api.post("/api/v1/accounts/" + number + "/users/" + user + "/one-time-password", null);
        assertEquals(200, issued.status(), issued.body());
        String oneTime = issued.json().getString("oneTimePassword");
        assertTrue(api.get("/api/v1/accounts/" + number + "/users").body().contains("\"mustChangePassword\":true"));

        enterEmail(email.toLowerCase());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:password")));
        Browser.screenshot(driver, "websafe-login-password");
        enterPassword("not the password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "is not right"));
        assertTrue(driver.findElement(By.id("login:password")).getAttribute("value").isEmpty(), "never shown back");

        enterPassword(oneTime);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:newPassword")));
        driver.findElement(By.id("login:newPassword")).sendKeys("short");
        driver.findElement(By.id("login:setPassword")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "at least 12 are required"));
        Browser.screenshot(driver, "websafe-login-new-password");
        driver.findElement(By.id("login:newPassword")).sendKeys("a long and personal passphrase");
        driver.findElement(By.id("login:setPassword")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
        assertEquals(email, driver.findElement(By.id("federation-id")).getText(), "the user as the account knows them");
        Browser.screenshot(driver, "websafe-home");
        assertEquals("Password", driver.findElement(By.id("signed-in-through")).getText());
        assertFalse(driver.getPageSource().contains(oneTime));

        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        enterEmail(email);
        enterPassword(oneTime);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "is not right"));
        driver.findElement(By.id("login:password")).sendKeys("a long and personal passphrase");
        driver.findElement(By.id("login:signIn")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
        String audit = api.get("/api/v1/accounts/" + number + "/audit").body();
        assertTrue(audit.contains("websafe.password-sign-in-failed") && audit.contains("user.password-changed")
                && audit.contains("websafe.password-sign-in-succeeded"), audit);
    }

    @Test
    void anAdministratorIssuesAOneTimePasswordInThePortalAndTheUserSignsInWithIt() throws Exception {
        String domain = Fixtures.uniqueDomain();
        String number = accountWithDomain(domain);
        String email = "grace@" + domain;
        driver.get(base.resolve("login.xhtml").toString());
        driver.findElement(By.id("signin:email")).sendKeys(Deployments.adminEmail());
        driver.findElement(By.id("signin:password")).sendKeys(Deployments.adminPassword());
        driver.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.urlContains("/admin/"));
        driver.get(base.resolve("admin/accounts/details.xhtml?account=" + number).toString());
        driver.findElement(By.id("manageUsers")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add:federationId")));
        driver.findElement(By.id("add:federationId")).sendKeys(email);
        driver.findElement(By.id("add:addUser")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-list")));
        driver.findElement(By.xpath("//table[@id='user-list']//input[@value='Issue one-time password']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("oneTimePassword")));
        String oneTime = driver.findElement(By.id("oneTimePassword")).getText().strip();
        assertTrue(driver.findElement(By.id("user-list")).getText().contains("One-time, not yet replaced"));
        Browser.screenshot(driver, "users-one-time-password");
        driver.get(base.resolve("admin/accounts/users.xhtml?account=" + number).toString());
        assertTrue(driver.findElements(By.id("oneTimePassword")).isEmpty() && !driver.getPageSource().contains(oneTime),
                "shown once");

        enterEmail(email);
        enterPassword(oneTime);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:newPassword")));
        driver.findElement(By.id("login:newPassword")).sendKeys("grace's own long passphrase");
        driver.findElement(By.id("login:setPassword")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
        assertEquals(email, driver.findElement(By.id("federation-id")).getText());
    }

    @Test
    void repeatedWrongPasswordsLockTheUserOutForAWhile() {
        String domain = Fixtures.uniqueDomain();
        String number = accountWithDomain(domain);
        String email = "dave@" + domain;
        long user = ApiSteps.addUser(api, number, email);
        api.post("/api/v1/accounts/" + number + "/users/" + user + "/one-time-password", null);

        enterEmail(email);
        for (int attempt = 1; attempt <= 5; attempt++) {
            enterPassword("wrong guess " + attempt);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "is not right"));
        }
        enterPassword("sixth guess");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Try again after"));
        assertTrue(text().contains("Too many failed attempts"), text());
        String audit = api.get("/api/v1/accounts/" + number + "/audit").body();
        assertTrue(audit.contains("locked until"), audit);
    }

    @Test
    void unknownDomainsSuspendedAccountsAndNonAddressesGetAMessageThatRevealsNothing() throws Exception {
        enterEmail("someone@" + Fixtures.uniqueDomain());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), NOT_SERVED));
        String unknown = driver.findElement(By.className("field-error")).getText();
        Browser.screenshot(driver, "websafe-login-not-served");

        String domain = Fixtures.uniqueDomain();
        String number = accountWithDomain(domain);
        ApiSteps.addUser(api, number, "erin@" + domain);
        assertEquals(200, api.patch("/api/v1/accounts/" + number, "{\"status\":\"SUSPENDED\"}").status());
        enterEmail("erin@" + domain);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), NOT_SERVED));
        assertEquals(unknown, driver.findElement(By.className("field-error")).getText(), "the same words for both");
        assertTrue(driver.findElements(By.id("login:password")).isEmpty());

        // What the browser lets through as an address but is none: the field says why.
        enterEmail("someone@intranet");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "needs at least two labels"));
    }

    @Test
    void aSamlAccountSendsTheBrowserToItsIdentityProvider() {
        String domain = Fixtures.uniqueDomain();
        String number = accountWithDomain(domain);
        String user = "frank@" + domain;
        ApiSteps.addUser(api, number, user);
        ScriptedIdentityProvider.enable(api, base, number, user, "https://idp.test.example/sso");

        enterEmail(user);
        // The page navigates on by itself (meta refresh); the link is there for browsers that do not.
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/websafe/login")));
        URI continueTo = base.resolve("saml/" + number + "/login");
        HttpResponse<String> toIdp = new BrowserlessClient().get(continueTo);
        assertEquals(302, toIdp.statusCode());
        String location = toIdp.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://idp.test.example/sso?SAMLRequest="), location);
        assertTrue(driver.getCurrentUrl().startsWith("https://idp.test.example/sso") || driver.getCurrentUrl().startsWith("chrome-error"),
                "the browser went to the identity provider: " + driver.getCurrentUrl());
    }

    @Test
    void anAccountWithTwoIdentityProvidersSendsEachAddressToTheOneOfItsDomain() throws Exception {
        String parentDomain = Fixtures.uniqueDomain();
        String subsidiaryDomain = Fixtures.uniqueDomain();
        String number = accountWithDomain(parentDomain);
        ApiSteps.addDomains(api, number, subsidiaryDomain);
        String parentUser = "gina@" + parentDomain;
        String subsidiaryUser = "hank@" + subsidiaryDomain;
        ApiSteps.addUser(api, number, parentUser);
        ApiSteps.addUser(api, number, subsidiaryUser);
        URI acs = base.resolve("saml/" + number + "/acs");
        try (IdentityProviderSite entra = IdentityProviderSite.start(); IdentityProviderSite duo = IdentityProviderSite.start()) {
            entra.answering(ScriptedIdentityProvider.enable(api, base, number, parentUser, entra.signInPage()), parentUser, acs);
            duo.answering(ScriptedIdentityProvider.enable(api, base, number, "duo-subsidiary", subsidiaryUser,
                    duo.signInPage(), subsidiaryDomain), subsidiaryUser, acs);

            enterEmail(subsidiaryUser);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
            assertEquals(subsidiaryUser, driver.findElement(By.id("federation-id")).getText());
            driver.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));

            enterEmail("gina@" + parentDomain.toUpperCase(Locale.ROOT));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
            assertEquals(parentUser, driver.findElement(By.id("federation-id")).getText());
        }
        String audit = api.get("/api/v1/accounts/" + number + "/audit").body();
        assertTrue(audit.contains("through identity provider duo-subsidiary") && audit.contains("through identity provider primary"),
                audit);
    }

    @Test
    void aSenderSeesAndControlsTheirOwnEnvelopesOnlyInTheUserPortal() throws Exception {
        String domain = Fixtures.uniqueDomain();
        String number = accountWithDomain(domain);
        String email = "erin@" + domain;
        long user = ApiSteps.addUser(api, number, email);
        String oneTime = api.post("/api/v1/accounts/" + number + "/users/" + user + "/one-time-password", null).json()
                .getString("oneTimePassword");
        String mine = seal(number, "Erin <" + email + ">", "reader@partner.example");
        String someoneElses = seal(number, "frank@" + domain, "reader@partner.example");

        enterEmail(email);
        enterPassword(oneTime);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:newPassword")))
                .sendKeys("erin's long passphrase here");
        driver.findElement(By.id("login:setPassword")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("your-envelopes"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("envelope-list")));
        assertEquals(1, driver.findElements(By.cssSelector("tr.envelope")).size(), "only the sender's own");
        WebElement row = driver.findElement(By.cssSelector("tr[data-envelope='" + mine + "']"));
        assertTrue(row.getText().contains("reader@partner.example"));
        assertTrue(driver.findElements(By.cssSelector("tr[data-envelope='" + someoneElses + "']")).isEmpty());
        row.findElement(By.cssSelector("input[id$=':reason']")).sendKeys("Wrong attachment, new one follows");
        row.findElement(By.cssSelector("input[id$=':lock']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-envelope='" + mine + "']"),
                "Wrong attachment, new one follows"));
        Browser.screenshot(driver, "websafe-your-envelopes");
        assertEquals("locked", api.get("/api/v1/accounts/" + number + "/envelopes/" + mine).json().getString("status"));
        String audit = api.get("/api/v1/accounts/" + number + "/audit").body();
        assertTrue(audit.contains("\"actor\":\"" + email + "\"") && audit.contains("envelope.locked"), audit);
    }

    /** Seals a short message from the address as the account's gateway does; returns the envelope's ID. */
    private String seal(String number, String from, String to) {
        byte[] mime = ("From: " + from + "\r\nTo: " + to + "\r\nSubject: Contract\r\n\r\nSee attached.\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<byte[]> sealed = api.exchange("POST", "/api/v1/accounts/" + number + "/envelopes", mime,
                "message/rfc822", "message/rfc822");
        assertEquals(201, sealed.statusCode(), new String(sealed.body(), java.nio.charset.StandardCharsets.UTF_8));
        return SealedMessages.envelopeId(SealedMessages.mime(sealed.body()));
    }
}
