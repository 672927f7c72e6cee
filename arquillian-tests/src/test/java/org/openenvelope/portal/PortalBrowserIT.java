package org.openenvelope.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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
import org.openenvelope.administrator.AuthenticatorCodes;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an administrator does in a real browser: sign in, create an account, add domains, read the errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private ChromeDriver browser;
    private URI base;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        base = Deployments.loopback(deployed);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void administratorCreatesAnAccountAndAddsDomainsWithOneInvalidValue() throws Exception {
        browser.get(base.resolve("admin/").toString());
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), browser.getCurrentUrl());
        browser.findElement(By.id("signin:email")).sendKeys(Deployments.adminEmail());
        browser.findElement(By.id("signin:password")).sendKeys(Deployments.adminPassword());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.findElement(By.id("signin:submit")).click();
        // each click navigates: wait for the next page instead of reading the one being left
        wait.until(ExpectedConditions.urlContains("/admin/accounts/"));

        browser.findElement(By.id("create:name")).sendKeys("Contoso Browser Test");
        browser.findElement(By.id("create:create")).click();
        wait.until(ExpectedConditions.urlContains("/admin/accounts/details.xhtml?account="));
        String number = browser.getCurrentUrl().replaceAll(".*account=(\\d+).*", "$1");
        assertTrue(text().contains("Contoso Browser Test"), text());
        Browser.screenshot(browser, "account-details");

        browser.findElement(By.linkText("Profiles")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profiles:type")));
        new Select(browser.findElement(By.id("profiles:type"))).selectByVisibleText("Domain");
        String typed = "contoso-browser.example; mail.contoso-browser.example, bad..domain;bücher-browser.example";
        browser.findElement(By.id("profiles:values")).sendKeys(typed);
        browser.findElement(By.id("profiles:add")).click();
        // the refusal re-renders the page: wait for it rather than read the old one
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "nothing was saved"));
        String page = text();
        assertTrue(page.contains("1 value was rejected; nothing was saved."), page);
        assertTrue(page.contains("\"bad..domain\" has an empty label"), page);
        assertEquals(typed, browser.findElement(By.id("profiles:values")).getAttribute("value"),
                "the typed list is kept so nothing is lost");
        assertTrue(browser.findElements(By.cssSelector("table.grid tbody tr td")).stream()
                .map(WebElement::getText).noneMatch(cell -> cell.contains("contoso-browser.example")),
                "nothing was added");
        Browser.screenshot(browser, "profiles-rejected");

        WebElement values = browser.findElement(By.id("profiles:values"));
        values.clear();
        values.sendKeys("contoso-browser.example; mail.contoso-browser.example, bücher-browser.example");
        browser.findElement(By.id("profiles:add")).click();
        // the add redirects back to the tab (post-redirect-get): wait for the new page's table, not the old one's
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.grid"), "mail.contoso-browser.example"));

        List<String> cells = browser.findElements(By.cssSelector("table.grid td")).stream().map(WebElement::getText).toList();
        assertTrue(cells.stream().anyMatch(c -> c.contains("mail.contoso-browser.example")), cells.toString());
        assertTrue(cells.stream().anyMatch(c -> c.contains("bücher-browser.example")), cells.toString());
        assertTrue(text().contains("xn--bcher-browser-"), "the punycode form is shown next to the Unicode name");
        Browser.screenshot(browser, "profiles-added");

        // a list from a file: the value column of a CSV (another account's export, a registrar's list) joins
        java.nio.file.Path list = java.nio.file.Files.createTempFile("domains", ".csv");
        java.nio.file.Files.writeString(list, "\"type\",\"value\"\r\n\"DOMAIN\",\"filed-one.example\"\r\n"
                + "\"DOMAIN\",\"filed-two.example\"\r\n");
        browser.findElement(By.id("profiles:valuesFile")).sendKeys(list.toString());
        browser.findElement(By.id("profiles:add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.grid"), "filed-two.example"));
        assertTrue(browser.findElement(By.cssSelector("table.grid")).getText().contains("filed-one.example"));
        assertTrue(browser.findElement(By.id("profiles-export")).getAttribute("href")
                .contains("/admin/accounts/profiles-export?account="));

        // the list is searched in the Unicode spelling the administrator sees
        browser.findElement(By.id("search:q")).sendKeys("BÜCHER");
        browser.findElement(By.id("search:go")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        List<String> found = browser.findElements(By.cssSelector("table.grid td .entry-value")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("bücher-browser.example"), found);
        assertTrue(text().contains("1 entry"), "the pager counts what was found");
        Browser.screenshot(browser, "profiles-search", browser.findElement(By.id("entries")));

        // Users from a file, all or none: every refused line is named with its number, then a corrected file adds all
        browser.get(base.resolve("admin/accounts/users.xhtml?account=" + number).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add:usersFile")));
        java.nio.file.Path users = java.nio.file.Files.createTempFile("users", ".csv");
        java.nio.file.Files.writeString(users, "federation_id,origin\r\nann@contoso-browser.example,ADMINISTRATOR\r\n"
                + "jane doe,ADMINISTRATOR\r\nann@contoso-browser.example,ADMINISTRATOR\r\nemployee-7,ADMINISTRATOR\r\n");
        browser.findElement(By.id("add:usersFile")).sendKeys(users.toString());
        browser.findElement(By.id("add:addFile")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add"), "nothing was saved"));
        String refused = browser.findElement(By.id("add")).getText();
        assertTrue(refused.contains("Line 3, \"jane doe\"") && refused.contains("Line 4, \"ann@contoso-browser.example\":"
                + " listed on line 2 already."), refused);
        assertTrue(text().contains("No users yet."), "nothing was added");
        Browser.screenshot(browser, "users-file-refused", browser.findElement(By.id("add")));
        java.nio.file.Files.writeString(users, "ann@contoso-browser.example\nemployee-7\n");
        browser.findElement(By.id("add:usersFile")).sendKeys(users.toString());
        browser.findElement(By.id("add:addFile")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-list")));
        String listedUsers = browser.findElement(By.id("user-list")).getText();
        assertTrue(listedUsers.contains("ann@contoso-browser.example") && listedUsers.contains("employee-7"), listedUsers);
        assertTrue(text().contains("Added 2 users from"), text());
        assertTrue(browser.findElement(By.id("users-export")).getAttribute("href")
                .contains("/admin/accounts/users-export?account=" + number));
        Browser.screenshot(browser, "users-file-added");

        // the Features tab: a default beyond the longest expiry is named next to its field, then saved
        browser.findElement(By.linkText("Features")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("features:forward")));
        assertTrue(browser.findElement(By.id("features:forward")).isSelected(), "the service's defaults allow it");
        browser.findElement(By.id("features:forward")).click();
        browser.findElement(By.id("features:defaultExpiryDays")).sendKeys("40");
        browser.findElement(By.id("features:maxExpiryDays")).sendKeys("30");
        browser.findElement(By.id("features:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("features"), "the default must be set and at most 30"));
        Browser.screenshot(browser, "features-refused", browser.findElement(By.id("features")));
        browser.findElement(By.id("features:defaultExpiryDays")).clear();
        browser.findElement(By.id("features:defaultExpiryDays")).sendKeys("14");
        browser.findElement(By.id("features:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("features-updated"), "Last changed"));
        assertFalse(browser.findElement(By.id("features:forward")).isSelected());
        assertEquals("14", browser.findElement(By.id("features:defaultExpiryDays")).getAttribute("value"));
        Browser.screenshot(browser, "features-saved", browser.findElement(By.id("features")));

        // the Templates tab: the German wording, an unknown placeholder named next to its field, a preview, saved
        browser.findElement(By.linkText("Templates")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wording:subject")));
        browser.findElement(By.linkText("Deutsch")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wording"), "Deutsch"));
        browser.findElement(By.id("wording:subject")).clear();
        browser.findElement(By.id("wording:subject")).sendKeys("[Vertraulich] {betreff}");
        browser.findElement(By.id("wording:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wording"), "{betreff} is not a placeholder"));
        browser.findElement(By.id("wording:subject")).clear();
        browser.findElement(By.id("wording:subject")).sendKeys("[Vertraulich] {subject}");
        browser.findElement(By.id("wording:preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-subject")));
        assertEquals("[Vertraulich] Quarterly figures", browser.findElement(By.id("preview-subject")).getText());
        Browser.screenshot(browser, "templates-preview", browser.findElement(By.id("wording")));
        browser.findElement(By.id("wording:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-state"), "This account's wording"));
        assertTrue(browser.findElement(By.id("template-languages")).getText().contains("Deutsch (changed)"));

        // the Security tab: a value out of its range is named next to its field, then saved
        browser.findElement(By.linkText("Security")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("security:passwordMinLength")));
        browser.findElement(By.id("security:passwordMinLength")).clear();
        browser.findElement(By.id("security:passwordMinLength")).sendKeys("8");
        browser.findElement(By.id("security:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("security"), "must be 12 to 64 characters"));
        browser.findElement(By.id("security:passwordMinLength")).clear();
        browser.findElement(By.id("security:passwordMinLength")).sendKeys("16");
        browser.findElement(By.id("security:noScriptReading")).click();
        browser.findElement(By.id("security:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("security-updated"), "Last changed"));
        assertEquals("16", browser.findElement(By.id("security:passwordMinLength")).getAttribute("value"));
        assertFalse(browser.findElement(By.id("security:noScriptReading")).isSelected());
        Browser.screenshot(browser, "security-saved", browser.findElement(By.id("security")));

        // the Rules tab: a domain that is none is named next to its field, a rule is added and listed
        browser.findElement(By.linkText("Rules")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add:value")));
        browser.findElement(By.id("add:value")).sendKeys("not a domain");
        browser.findElement(By.id("add:addRule")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add"), "is not a domain"));
        browser.findElement(By.id("add:value")).clear();
        browser.findElement(By.id("add:value")).sendKeys("partner.example");
        browser.findElement(By.id("add:addRule")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-list")));
        assertTrue(browser.findElement(By.id("rule-list")).getText().contains("Encrypt messages to partner.example"));
        Browser.screenshot(browser, "rules-added");
        // removing asks first, naming the rule; dismissed, it stays
        By removeRule = By.xpath("//table[@id='rule-list']//input[@value='Remove']");
        browser.findElement(removeRule).click();
        org.openqa.selenium.Alert asked = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(asked.getText().contains("Encrypt messages to partner.example"), asked.getText());
        asked.dismiss();
        assertTrue(browser.findElement(By.id("rule-list")).isDisplayed(), "dismissed: the rule stays");
        browser.findElement(removeRule).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-rules")));

        // the Branding tab: a colour too light is named next to its field, the form previewed, saved, a logo uploaded
        browser.findElement(By.linkText("Branding")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("brand:brandColour")));
        browser.findElement(By.id("brand:displayName")).sendKeys("Contoso Secure Mail");
        browser.findElement(By.id("brand:brandColour")).clear();
        browser.findElement(By.id("brand:brandColour")).sendKeys("#ffdd00");
        browser.findElement(By.id("brand:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("brand"), "is too light"));
        browser.findElement(By.id("brand:brandColour")).clear();
        browser.findElement(By.id("brand:brandColour")).sendKeys("#7a1f3d");
        browser.findElement(By.id("brand:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-state"), "not saved yet"));
        assertTrue(browser.findElement(By.id("preview-page")).getAttribute("src").contains("brandColour=%237a1f3d"));
        browser.findElement(By.id("brand:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("branding-updated"), "Last changed"));
        java.nio.file.Path logo = java.nio.file.Files.createTempFile("logo", ".png");
        java.nio.file.Files.write(logo, org.openenvelope.testing.Images.png(200, 60));
        browser.findElement(By.id("logo:logoFile")).sendKeys(logo.toString());
        browser.findElement(By.id("logo:upload")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logo-current")));
        Browser.screenshot(browser, "branding-form", browser.findElement(By.id("brand")));
        browser.switchTo().frame(browser.findElement(By.id("preview-page")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("img.brand-logo")));
        assertTrue(browser.findElement(By.cssSelector("header.record")).getText().contains("Contoso Secure Mail"));
        assertEquals("rgba(122, 31, 61, 1)", browser.findElement(By.id("send-code")).getCssValue("background-color"),
                "the recipient page's buttons in the brand colour");
        browser.switchTo().defaultContent();
        browser.switchTo().frame(browser.findElement(By.id("preview-attachment")));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("through Contoso Secure Mail"));
        browser.switchTo().defaultContent();
        Browser.screenshot(browser, "branding-saved", browser.findElement(By.id("branding-preview")));

        // the Audit log tab: filtered by action, the filter kept in the form, the export links carrying it
        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter:action")));
        new Select(browser.findElement(By.id("filter:action"))).selectByValue("account.branding-changed");
        browser.findElement(By.id("filter:go")).click();
        wait.until(ExpectedConditions.urlContains("action=account.branding-changed"));
        List<WebElement> actions = browser.findElements(By.cssSelector("table.audit td .code-tag"));
        assertFalse(actions.isEmpty());
        assertTrue(actions.stream().allMatch(a -> a.getText().equals("account.branding-changed")));
        assertEquals("account.branding-changed", new Select(browser.findElement(By.id("filter:action")))
                .getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.findElement(By.id("export-csv")).getAttribute("href")
                .contains("action=account.branding-changed"));
        Browser.screenshot(browser, "audit-filtered");

        // at phone width no page scrolls sideways; the skip link is the first stop of the keyboard
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String phonePage : List.of("admin/accounts/index.xhtml", "admin/audit.xhtml", "admin/tokens.xhtml",
                "admin/accounts/details.xhtml?account=" + number, "admin/accounts/profiles.xhtml?account=" + number,
                "admin/accounts/branding.xhtml?account=" + number, "admin/accounts/audit.xhtml?account=" + number)) {
            browser.get(base.resolve(phonePage).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            Browser.screenshot(browser, "phone-" + phonePage.replaceAll("\\?.*", "").replaceAll("\\W+", "-"));
            Object sideways = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0L, ((Number) sideways).longValue(), () -> phonePage + " scrolls sideways at 390 px: "
                    + browser.executeScript("var w = document.documentElement.clientWidth; return Array.from("
                    + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1 && (!e.parentElement.closest('.tabs, .card') || getComputedStyle(e).position === 'absolute'))"
                    + ".slice(0, 6).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')"));
        }
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("Skip to the content", browser.switchTo().activeElement().getText());
    }

    @Test
    void administratorSetsUpAnAuthenticatorAppAndSignsInWithItsCode() throws Exception {
        PortalClient service = PortalSteps.serviceAdministrator(base);
        String account = PortalSteps.createAccount(service, "Authenticator Browser Co");
        String email = "app-" + System.nanoTime() + "@example.com";
        String password = "a passphrase for the browser";
        PortalSteps.firstSignIn(base, email, PortalSteps.addAdministrator(service, account, email), password);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait, email, password);
        wait.until(ExpectedConditions.urlContains("/admin/"));

        browser.findElement(By.linkText("Second factor")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("begin:start"))).click();
        WebElement key = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setupKey")));
        WebElement qr = browser.findElement(By.cssSelector("svg.qr"));
        assertTrue(qr.getSize().getWidth() >= 200, "a QR code big enough to scan: " + qr.getSize());
        Browser.screenshot(browser, "second-factor-setup", browser.findElement(By.id("setup")));
        byte[] secret = AuthenticatorCodes.fromTyped(key.getText());
        browser.findElement(By.id("setup:code")).sendKeys(AuthenticatorCodes.codeOf(secret,
                AuthenticatorCodes.stepAt(Instant.now())));
        browser.findElement(By.id("setup:confirm")).click();
        WebElement codes = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recoveryCodes")));
        assertEquals(10, codes.getText().split("\\s+").length, codes.getText());
        Browser.screenshot(browser, "second-factor-recovery-codes");

        browser.findElement(By.id("signout:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        signIn(wait, email, password);
        wait.until(ExpectedConditions.urlContains("/login-code.xhtml"));
        Browser.screenshot(browser, "second-factor-sign-in");
        browser.findElement(By.id("code:code")).sendKeys(AuthenticatorCodes.codeOf(secret,
                AuthenticatorCodes.stepAt(Instant.now()) + 1));
        browser.findElement(By.id("code:verify")).click();
        wait.until(ExpectedConditions.urlContains("/admin/"));
        assertTrue(text().contains(email), text());
    }

    private void signIn(WebDriverWait wait, String email, String password) {
        browser.get(base.resolve("login.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin:email"))).sendKeys(email);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
