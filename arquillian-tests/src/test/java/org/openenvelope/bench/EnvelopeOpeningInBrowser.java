package org.openenvelope.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.SealedMessages;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long a recipient's headless Chromium takes to open a large envelope (see {@code bench/envelope-open.sh}):
 * a message of the given size (a random attachment) is sealed, its securedoc file opened from disk, the recipient
 * signs in with a mailed code (GreenMail in this JVM), then the page is reloaded for each timed round (ciphertext
 * from IndexedDB, session kept). Prints the viewer's own measures: WebCrypto decryption alone, and from the key's
 * arrival to the message shown (decryption, MIME parsing, sanitising, rendering).
 */
public final class EnvelopeOpeningInBrowser {

    private EnvelopeOpeningInBrowser() {
    }

    /** Arguments: base URL, SMTP port the service sends to, message megabytes, timed rounds. */
    public static void main(String[] arguments) throws Exception {
        URI base = URI.create(arguments[0]);
        int smtpPort = Integer.parseInt(arguments[1]);
        int megabytes = Integer.parseInt(arguments[2]);
        int rounds = Integer.parseInt(arguments[3]);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path files = Files.createTempDirectory("securedoc-bench");
        ChromeDriver driver = Browser.start(files);
        try {
            PortalClient administrator = PortalSteps.serviceAdministrator(base);
            ApiClient service = new ApiClient(base, PortalSteps.createServiceToken(administrator, "Opening bench"));
            String account = ApiSteps.createAccount(service, Fixtures.unique("Opening bench"));
            String domain = Fixtures.uniqueDomain();
            ApiSteps.addDomains(service, account, domain);
            String reader = "reader@partner.example";
            byte[] attachment = new byte[megabytes * 1024 * 1024];
            new Random(1).nextBytes(attachment);
            String mime = "From: sender@" + domain + "\r\nTo: " + reader + "\r\nSubject: Large\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
                    + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=large.bin\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(attachment)
                    + "\r\n--b--\r\n";
            HttpResponse<byte[]> sealed = service.exchange("POST", "/api/v1/accounts/" + account + "/envelopes",
                    mime.getBytes(StandardCharsets.US_ASCII), "message/rfc822", "message/rfc822");
            if (sealed.statusCode() != 201) {
                throw new IllegalStateException("sealing answered " + sealed.statusCode());
            }
            MimeMessage notification = SealedMessages.mime(sealed.body());
            Path securedoc = files.resolve("securedoc.html");
            Files.write(securedoc, SealedMessages.securedocBytes(notification));

            WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(3));
            driver.get(securedoc.toUri().toString());
            List<String> before = new ArrayList<>(driver.getWindowHandles());
            driver.findElement(By.cssSelector("#open button")).click();
            wait.until(d -> d.getWindowHandles().size() > before.size());
            List<String> opened = new ArrayList<>(driver.getWindowHandles());
            opened.removeAll(before);
            driver.switchTo().window(opened.get(0));
            wait.until(d -> "sign-in".equals(state(driver)));
            driver.findElement(By.id("signin-address")).sendKeys(reader);
            driver.findElement(By.id("send-code")).click();
            wait.until(d -> smtp.getReceivedMessages().length > 0);
            String text = org.openenvelope.testing.Mailboxes.text(smtp.getReceivedMessages()[0]);
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("(\\d{4}) (\\d{4})").matcher(text);
            if (!code.find()) {
                throw new IllegalStateException("no code in the mail");
            }
            driver.findElement(By.id("code")).sendKeys(code.group(1) + code.group(2));
            driver.findElement(By.id("verify-code")).click();
            wait.until(d -> "message".equals(state(driver)));

            List<Double> decrypt = new ArrayList<>();
            List<Double> open = new ArrayList<>();
            for (int round = 0; round < rounds + 1; round++) {
                driver.navigate().refresh();
                wait.until(d -> "message".equals(state(driver)));
                if (round > 0) {  // the first reload warms up
                    decrypt.add(measure(driver, "openenvelope:decrypt"));
                    open.add(measure(driver, "openenvelope:open"));
                }
            }
            int ciphertext = SealedMessages.ciphertext(notification).length;
            System.out.printf("%d MB attachment: %.1f MB of MIME ciphertext, %d rounds in headless Chromium%n", megabytes,
                    ciphertext / 1048576.0, rounds);
            System.out.printf("  WebCrypto AES-GCM decrypt   median %.0f ms, min %.0f ms  (%.0f MB/s of ciphertext)%n",
                    median(decrypt), min(decrypt), ciphertext / 1048576.0 * 1000 / median(decrypt));
            System.out.printf("  key to message shown        median %.0f ms, min %.0f ms%n", median(open), min(open));
        } finally {
            driver.quit();
            smtp.stop();
        }
    }

    private static String state(ChromeDriver driver) {
        return driver.findElement(By.id("viewer")).getAttribute("data-state");
    }

    private static double measure(ChromeDriver driver, String name) {
        Object duration = driver.executeScript("const m = performance.getEntriesByName(arguments[0]);"
                + " return m.length ? m[m.length - 1].duration : null;", name);
        if (duration == null) {
            throw new IllegalStateException("the viewer recorded no " + name);
        }
        return ((Number) duration).doubleValue();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
