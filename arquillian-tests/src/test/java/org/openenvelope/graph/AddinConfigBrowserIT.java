package org.openenvelope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
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
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalSteps;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Addin Config tab, step 1, in headless Chromium against the fake Microsoft. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddinConfigBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private FakeMicrosoft microsoft;
    private String domain;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openTheTab() throws Exception {
        microsoft = new FakeMicrosoft(Integer.getInteger("openenvelope.test.fake-microsoft-port"));
        URI base = Deployments.loopback(deployed);
        var admin = PortalSteps.serviceAdministrator(base);
        String account = PortalSteps.createAccount(admin, Fixtures.unique("Addin"));
        domain = Fixtures.uniqueDomain();
        ApiSteps.addDomains(new ApiClient(base, PortalSteps.createServiceToken(admin, "Addin domains")), account, domain);
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base.resolve("login.xhtml").toString());
        driver.findElement(By.id("signin:email")).sendKeys(Deployments.adminEmail());
        driver.findElement(By.id("signin:password")).sendKeys(Deployments.adminPassword());
        driver.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.urlContains("/admin/"));
        driver.get(base.resolve("admin/accounts/details.xhtml?account=" + account).toString());
        driver.findElement(By.linkText("Addin Config")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("details:tenantId")));
    }

    @AfterEach
    void stop() {
        // The fake's port is fixed (the service under test was started pointing at it): it must be free again for
        // the next test, even when the browser did not start or does not quit cleanly.
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (microsoft != null) {
                microsoft.close();
            }
        }
    }

    private void enter(String tenant, String client, String secret) {
        driver.findElement(By.id("details:tenantId")).clear();
        driver.findElement(By.id("details:tenantId")).sendKeys(tenant);
        driver.findElement(By.id("details:clientId")).clear();
        driver.findElement(By.id("details:clientId")).sendKeys(client);
        driver.findElement(By.id("details:clientSecret")).sendKeys(secret);
        driver.findElement(By.id("details:save")).click();
    }

    @Test
    void step1IsSavedWithEachMistakeNamedAndTestConnectionShowsEachPermission() throws Exception {
        enter("contoso", FakeMicrosoft.CLIENT_ID, "");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "must be a GUID"));
        String page = driver.findElement(By.id("details")).getText();
        assertTrue(page.contains("Enter the client secret's Value."), page);
        assertEquals("contoso", driver.findElement(By.id("details:tenantId")).getAttribute("value"), "what was typed is kept");

        enter(FakeMicrosoft.TENANT, FakeMicrosoft.CLIENT_ID, FakeMicrosoft.SECRET);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("secret-status"), "A secret is set (Qx8…)"));
        assertEquals("", driver.findElement(By.id("details:clientSecret")).getAttribute("value"));
        assertFalse(driver.getPageSource().contains(FakeMicrosoft.SECRET), "the secret is never shown again");

        microsoft.grantTokens(List.of("Mail.Read", "Mail.Send"), 3600);
        driver.findElement(By.id("details:test")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connection-test")));
        String result = driver.findElement(By.id("connection-test")).getText();
        assertTrue(result.contains("permissions are missing") && result.contains("User.Read.All Missing")
                && result.contains("Mail.Send Yes"), result);
        Browser.screenshot(driver, "addin-config-step1", driver.findElement(By.id("details")));
    }

    @Test
    void step2IsSavedPerDomainWithAnIllegalHeaderNamedAndStep3SaysWhatTheManifestNeeds() throws Exception {
        // domains are found by a search, a page at a time, and edited one by one: no list of hundreds to scroll
        driver.findElement(By.id("domains:domainSearch")).sendKeys("no-such-domain");
        driver.findElement(By.id("domains:searchDomains")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("domain-pager"), "0 domains"));
        driver.findElement(By.id("domains:domainSearch")).clear();
        driver.findElement(By.id("domains:domainSearch")).sendKeys(domain.substring(0, 4).toUpperCase());
        driver.findElement(By.id("domains:searchDomains")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("domain-configurations"), domain));
        assertTrue(driver.findElement(By.id("editing-domain")).getText().contains(domain));
        driver.findElement(By.cssSelector("input[name='domains:encryptionType'][value='FLAG']")).click();
        driver.findElement(By.cssSelector("input[name='domains:flagType'][value='HEADER']")).click();
        driver.findElement(By.id("domains:flagValue")).clear();
        driver.findElement(By.id("domains:flagValue")).sendKeys("Secure Envelope");
        driver.findElement(By.id("domains:saveDomain")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("domains"), "not a legal X- header name"));
        assertEquals("Secure Envelope", driver.findElement(By.id("domains:flagValue")).getAttribute("value"), "kept to correct");

        driver.findElement(By.id("domains:flagValue")).clear();
        driver.findElement(By.id("domains:flagValue")).sendKeys("X-Secure-Envelope: yes");
        driver.findElement(By.id("domains:rememberPasswordDays")).clear();
        driver.findElement(By.id("domains:rememberPasswordDays")).sendKeys("14");
        driver.findElement(By.id("domains:saveDomain")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("domain-configurations"), "X-Secure-Envelope: yes"));
        String row = driver.findElement(By.id("domain-configurations")).getText();
        assertTrue(row.contains(domain) && row.contains("Flag") && row.contains("14 days"), row);
        Browser.screenshot(driver, "addin-config-step2", driver.findElement(By.id("domains")));

        driver.findElement(By.id("manifest:download")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "openenvelope.base-url"));
    }
}
