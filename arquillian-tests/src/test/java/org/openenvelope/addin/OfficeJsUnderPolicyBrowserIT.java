package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.NodePackages;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Microsoft's real Office.js (npm {@code @microsoft/office-js}, served where the test build points
 * {@code openenvelope.addin.office-js-url}) in the task pane, to show that the pages' Content-Security-Policy lets it
 * load everything it loads: its host script from its CDN, and in Outlook on the web MicrosoftAjax.js from
 * Microsoft's Ajax CDN (unreachable here; what matters is that the policy does not refuse it). Outside Outlook the
 * pane says where it belongs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfficeJsUnderPolicyBrowserIT {

    private static final String WATCH = "window.cspViolations = []; window.pageErrors = [];"
            + "document.addEventListener('securitypolicyviolation', e => cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI));"
            + "window.addEventListener('error', e => pageErrors.push(String(e.message)));";

    private static HttpServer officeCdn;
    private static final Set<String> served = ConcurrentHashMap.newKeySet();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void serveOfficeJs() throws Exception {
        Path dist = NodePackages.install("office-js", "OfficeJsUnderPolicyBrowserIT (Office.js under the add-in's policy)")
                .resolve("node_modules/@microsoft/office-js/dist");
        officeCdn = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("openenvelope.test.fake-microsoft-port")), 0);
        officeCdn.createContext("/lib/1/hosted/", exchange -> {
            Path file = dist.resolve(exchange.getRequestURI().getPath().substring("/lib/1/hosted/".length())).normalize();
            served.add(dist.relativize(file).toString());
            boolean exists = file.startsWith(dist) && Files.isRegularFile(file);
            byte[] body = exists ? Files.readAllBytes(file) : new byte[0];
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*"); // as Microsoft's CDN answers
            exchange.getResponseHeaders().add("Content-Type", "application/javascript");
            exchange.sendResponseHeaders(exists ? 200 : 404, exists ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        officeCdn.start();
    }

    @AfterAll
    static void stopServing() {
        if (officeCdn != null) {
            officeCdn.stop(0);
        }
    }

    @BeforeEach
    void start() throws Exception {
        driver = Browser.start();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    @SuppressWarnings("unchecked")
    private List<String> scriptViolations() {
        return ((List<String>) driver.executeScript("return cspViolations")).stream()
                .filter(v -> v.startsWith("script-src")).toList();
    }

    @Test
    void outsideOutlookOfficeJsLoadsAndThePaneSaysWhereItBelongs() {
        driver.get(Deployments.loopback(deployed).resolve("addin/taskpane.html").toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("starting"), "Open it from a message you are writing"));
        assertTrue(served.contains("office.js"), served.toString());
        assertEquals(List.of(), scriptViolations());
    }

    @Test
    void inOutlookOnTheWebThePolicyLetsOfficeJsLoadItsHostScriptAndMicrosoftAjax() {
        URI pane = Deployments.loopback(deployed).resolve("addin/taskpane.html?_host_Info=Outlook$Web$16.01$en-US$$$$0");
        driver.get(pane.toString());
        // Office.js gives up on MicrosoftAjax.js, which is not reachable from here, after it tried to load it.
        wait.until(d -> String.valueOf(driver.executeScript("return pageErrors.join('|')")).contains("MicrosoftAjax"));
        assertTrue(served.contains("outlook-web-16.01.js"), served.toString());
        assertEquals(List.of(), scriptViolations(), "nothing Office.js loads is refused by the policy");
    }
}
