package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openenvelope.graph.FakeMicrosoft;
import org.openenvelope.testing.AddinSenders;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.Browser;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.FakeMailbox;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.IdentityProviderSite;
import org.openenvelope.testing.Mailboxes;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.openenvelope.testing.SealedMessages;
import org.openenvelope.testing.SendingAccount;
import org.openenvelope.testing.SmtpRelay;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The envelope as a recipient who never heard of the product opens it, in headless Chromium: the securedoc file
 * from disk ({@code file://}), its button, the viewer on the service, a one-time code or a registered password
 * read from the mail (GreenMail), the message decrypted in the browser with its HTML sanitised and remote images
 * held back, the attachment downloaded byte for byte; and the pages for a locked, expired, revoked envelope or
 * one addressed to someone else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnvelopeViewerBrowserIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = SmtpRelay.forTestClass();


    private static SendingAccount tenant;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path files;

    /** A sealed envelope: the securedoc file as the recipient saved it, and what was sealed. */
    private record Sealed(String id, Path securedoc, String marker, byte[] attachment, String sender, String to) {
    }

    @BeforeEach
    void start() throws Exception {
        base = Deployments.loopback(deployed);
        if (tenant == null) {
            tenant = SendingAccount.create(base, "Northwind Legal");
        }
        files = Files.createTempDirectory("securedocs");
        driver = Browser.start(files);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    private static String marker() {
        return Fixtures.unique("v").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    /** A message as a mail client writes it: HTML with a remote image and hostile markup, text, an attachment. */
    private Sealed seal(String to, int attachmentBytes) throws Exception {
        String marker = marker();
        byte[] attachment = new byte[attachmentBytes];
        new Random(marker.hashCode()).nextBytes(attachment);
        String sender = "counsel-" + marker + "@" + tenant.domain();
        String boundary = "b-" + marker;
        String mime = "From: Counsel <" + sender + ">\r\nTo: " + to + "\r\nSubject: Settlement draft " + marker
                + "\r\nDate: Thu, 03 Dec 2026 14:00:00 +0000\r\nMessage-ID: <" + marker + "@client.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: multipart/alternative; boundary=\"alt" + boundary + "\"\r\n\r\n"
                + "--alt" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe draft " + marker + " is attached.\r\n"
                + "--alt" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<html><body><p style=\"color:#0b5\">The draft <b id=\"marker\">" + marker + "</b> is attached.</p>"
                + "<img id=\"tracker\" src=\"https://tracker.example/pixel.png?r=" + marker + "\" alt=\"logo\">"
                + "<script>parent.document.title='scripted';</script>"
                + "<img src=\"x\" onerror=\"parent.document.title='scripted'\"></body></html>\r\n"
                + "--alt" + boundary + "--\r\n"
                + "--" + boundary + "\r\nContent-Type: application/pdf; name=\"draft-" + marker + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"draft-" + marker + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<byte[]> sealed = tenant.api().exchange("POST", "/api/v1/accounts/" + tenant.number() + "/envelopes",
                mime.getBytes(StandardCharsets.UTF_8), "message/rfc822", "message/rfc822");
        assertEquals(201, sealed.statusCode(), new String(sealed.body(), StandardCharsets.UTF_8));
        MimeMessage notification = SealedMessages.mime(sealed.body());
        Path securedoc = files.resolve(SealedMessages.securedoc(notification).getFileName());
        Files.write(securedoc, SealedMessages.securedocBytes(notification));
        return new Sealed(SealedMessages.envelopeId(notification), securedoc, marker, attachment, sender, to);
    }

    /** Opens the attachment from disk and presses its button; the viewer opens in a new window. */
    private void openAttachment(Sealed envelope, String screenshot) throws Exception {
        driver.get(envelope.securedoc().toUri().toString());
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#open button")));
        if (screenshot != null) {
            Browser.screenshot(driver, screenshot);
        }
        String attachmentWindow = driver.getWindowHandle();
        Set<String> before = driver.getWindowHandles();
        button.click();
        wait.until(d -> d.getWindowHandles().size() > before.size());
        List<String> opened = new ArrayList<>(driver.getWindowHandles());
        opened.removeAll(before);
        driver.switchTo().window(opened.get(0));
        wait.until(ExpectedConditions.urlContains("/envelope/open"));
        assertFalse(driver.getWindowHandle().equals(attachmentWindow));
    }

    private void awaitState(String state) {
        wait.until(d -> state.equals(d.findElement(By.id("viewer")).getAttribute("data-state")));
    }

    private void signInWithCode(String address) {
        awaitState("sign-in");
        driver.findElement(By.id("signin-address")).sendKeys(address);
        driver.findElement(By.id("send-code")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        String code = Mailboxes.code(Mailboxes.await(SMTP, address, "Your code", MAIL_WAIT));
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("verify-code")).click();
    }

    @Test
    void anEnvelopeTheAddinSentThroughMicrosoftGraphOpensForItsRecipient() throws Exception {
        String marker = marker();
        String reader = "graph-reader-" + marker + "@partner.example";
        AddinSenders senders = new AddinSenders(base, PortalSteps.serviceApi(base, "Encrypt through Graph"));
        AddinSenders.Sender who = senders.sender("iris", "ENCRYPT", 1, "SUBJECT", "[secure]");
        senders.connectToMicrosoft(who.account());
        try (FakeMicrosoft microsoft = new FakeMicrosoft(Integer.getInteger("openenvelope.test.fake-microsoft-port"))) {
            FakeMailbox mailbox = new FakeMailbox(microsoft, who.email(), who.email(), ("From: Iris <" + who.email()
                    + ">\r\nTo: " + reader + "\r\nSubject: Board minutes " + marker + "\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe minutes " + marker + ".\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            ApiClient addin = senders.sender(senders.session(who.email(), who.email()).getString("token"));
            assertEquals(201, addin.post("/api/addin/v1/flows", "{\"messageId\":\"" + FakeMailbox.DRAFT + "\"}").status());
            Instant until = Instant.now().plusSeconds(30);
            String send = "POST " + mailbox.messages() + "/" + FakeMailbox.OUTGOING + "/send";
            while (!mailbox.calls().contains(send) && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            // what Graph was given to send, as the recipient receives it
            MimeMessage sent = SealedMessages.mime(mailbox.createdMime());
            Path securedoc = files.resolve(SealedMessages.securedoc(sent).getFileName());
            Files.write(securedoc, SealedMessages.securedocBytes(sent));
            openAttachment(new Sealed(SealedMessages.envelopeId(sent), securedoc, marker, null, who.email(), reader), null);
        }
        signInWithCode(reader);
        awaitState("message");
        assertEquals("Board minutes " + marker, driver.findElement(By.id("subject")).getText());
        assertTrue(driver.findElement(By.id("from")).getText().contains(who.email()));
        Browser.screenshot(driver, "envelope-viewer-sent-through-graph");
    }

    @Test
    void aRecipientOpensTheAttachmentFromDiskSignsInWithACodeAndReadsTheMessage() throws Exception {
        Sealed envelope = seal("Reader <reader-" + marker() + "@partner.example>", 300_000);
        String reader = envelope.to().substring(envelope.to().indexOf('<') + 1, envelope.to().length() - 1);
        openAttachment(envelope, "envelope-securedoc-attachment");
        awaitState("sign-in");
        assertEquals(envelope.sender(), driver.findElement(By.id("record-sender")).getText(),
                "the sender from the service's record");
        Browser.screenshot(driver, "envelope-viewer-sign-in");
        signInWithCode(reader.toUpperCase());
        awaitState("message");
        Browser.screenshot(driver, "envelope-viewer-message");

        assertEquals("Settlement draft " + envelope.marker(), driver.findElement(By.id("subject")).getText());
        assertTrue(driver.findElement(By.id("from")).getText().contains(envelope.sender()));
        WebElement frame = driver.findElement(By.id("body-html"));
        assertTrue(frame.getAttribute("sandbox").contains("allow-same-origin"));
        assertFalse(frame.getAttribute("sandbox").contains("allow-scripts"), "nothing in the message runs");
        driver.switchTo().frame(frame);
        assertEquals(envelope.marker(), driver.findElement(By.id("marker")).getText());
        assertTrue(driver.findElements(By.tagName("script")).isEmpty());
        String tracker = driver.findElement(By.id("tracker")).getAttribute("src");
        assertFalse(tracker != null && tracker.contains("tracker.example"), "the remote image is held back: " + tracker);
        driver.switchTo().defaultContent();
        assertFalse(driver.getTitle().contains("scripted"), "the message's scripts never ran");
        assertTrue(driver.findElement(By.id("remote-bar")).isDisplayed());

        WebElement download = driver.findElement(By.cssSelector("#attachments a.attachment"));
        assertEquals("draft-" + envelope.marker() + ".pdf", download.getAttribute("download"));
        download.click();
        Path downloaded = files.resolve("draft-" + envelope.marker() + ".pdf");
        Instant until = Instant.now().plusSeconds(30);
        while (!(Files.exists(downloaded) && Files.size(downloaded) == envelope.attachment().length) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertArrayEquals(envelope.attachment(), Files.readAllBytes(downloaded), "the attachment, byte for byte");

        driver.findElement(By.id("show-remote")).click();
        wait.until(d -> {
            d.switchTo().frame(d.findElement(By.id("body-html")));
            String src = d.findElement(By.id("tracker")).getAttribute("src");
            d.switchTo().defaultContent();
            return src != null && src.contains("tracker.example");
        });

        driver.findElement(By.id("reply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-form")));
        assertTrue(driver.findElement(By.id("reply-addressees")).getText().contains(envelope.sender()));
        WebElement text = driver.findElement(By.id("reply-text"));
        assertTrue(text.getAttribute("value").contains("> The draft " + envelope.marker()), "the original is quoted");
        text.sendKeys(Keys.CONTROL, Keys.HOME);
        text.sendKeys("Signed copy attached " + envelope.marker());
        Browser.screenshot(driver, "envelope-viewer-reply");
        driver.findElement(By.id("send-reply")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-sent")));
        assertTrue(driver.findElement(By.id("reply-sent")).getText().contains(envelope.sender()));
        MimeMessage reply = Mailboxes.await(SMTP, envelope.sender(), "Re: Settlement draft " + envelope.marker(), MAIL_WAIT);
        String replyId = SealedMessages.envelopeId(reply);
        assertEquals(reader, tenant.api().get(tenant.envelope(replyId)).json().getString("sender"),
                "the Secure Reply is an envelope from the recipient's proven address");
        assertFalse(Mailboxes.text(reply).contains("Signed copy attached"), "and travels encrypted");

        driver.findElement(By.id("sign-out")).click();
        awaitState("sign-in");
    }

    @Test
    void aRecipientRegistersAPasswordFromTheVerificationMailAndSignsInWithIt() throws Exception {
        String reader = "registered-" + marker() + "@partner.example";
        Sealed envelope = seal(reader, 1000);
        openAttachment(envelope, null);
        awaitState("sign-in");
        driver.findElement(By.id("signin-address")).sendKeys(reader);
        driver.findElement(By.id("use-password")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("register"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "link"));
        String link = Mailboxes.passwordLink(Mailboxes.await(SMTP, reader, "Set up your password", MAIL_WAIT));

        String viewer = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        driver.get(link);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        assertEquals(reader, driver.findElement(By.id("link-address")).getText());
        Browser.screenshot(driver, "envelope-choose-password");
        driver.findElement(By.id("password")).sendKeys("quiet river stone");
        driver.findElement(By.id("confirmation")).sendKeys("quiet river stone");
        driver.findElement(By.id("set-password")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-saved")));
        driver.findElement(By.id("open-envelope")).click();
        awaitState("message");
        assertEquals("Settlement draft " + envelope.marker(), driver.findElement(By.id("subject")).getText(),
                "the ciphertext waited in the browser while the password was chosen");
        driver.findElement(By.id("sign-out")).click();
        awaitState("sign-in");

        driver.close();
        driver.switchTo().window(viewer);
        driver.navigate().refresh();
        awaitState("sign-in");
        driver.findElement(By.id("signin-address")).sendKeys(reader);
        driver.findElement(By.id("use-password")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("quiet river stone");
        driver.findElement(By.id("sign-in-password")).click();
        awaitState("message");
    }

    @Test
    void lockedExpiredRevokedAndNotAddressedEnvelopesEachSayWhy() throws Exception {
        String reader = "refused-" + marker() + "@partner.example";
        Sealed locked = seal(reader, 100);
        assertEquals(200, tenant.api().post(tenant.envelope(locked.id()) + "/lock",
                "{\"reason\":\"Sent before the partners approved it\"}").status());
        openAttachment(locked, null);
        signInWithCode(reader);
        awaitState("refused");
        assertEquals("locked", driver.findElement(By.id("refusal")).getAttribute("data-refusal"));
        assertTrue(driver.findElement(By.id("refusal")).getText().contains("Sent before the partners approved it"));
        Browser.screenshot(driver, "envelope-viewer-locked");

        Sealed revoked = seal(reader, 100);
        assertEquals(200, tenant.api().post(tenant.envelope(revoked.id()) + "/revocations", "{\"everyone\":true}").status());
        openAttachment(revoked, null);
        awaitState("refused");
        assertEquals("revoked", driver.findElement(By.id("refusal")).getAttribute("data-refusal"));

        Sealed expiring = seal(reader, 100);
        assertEquals(200, tenant.api().send("PUT", tenant.envelope(expiring.id()) + "/expiry", "{\"expiresAt\":\""
                + Instant.now().plusSeconds(3) + "\"}").status());
        Thread.sleep(3500);
        openAttachment(expiring, null);
        awaitState("refused");
        assertEquals("expired", driver.findElement(By.id("refusal")).getAttribute("data-refusal"));

        Sealed someoneElses = seal("other-" + marker() + "@partner.example", 100);
        openAttachment(someoneElses, null);
        awaitState("refused");
        assertEquals("not_a_recipient", driver.findElement(By.id("refusal")).getAttribute("data-refusal"));
        assertTrue(driver.findElement(By.id("refusal")).getText().contains(reader));
        Browser.screenshot(driver, "envelope-viewer-not-a-recipient");
    }

    @Test
    void aRecipientAtAFederatedDomainSignsInAtTheirOrganisationsIdentityProvider() throws Exception {
        SendingAccount organisation = SendingAccount.create(base, "Contoso Partners");
        String reader = "dana-" + marker() + "@" + organisation.domain();
        // The IdP is a site of its own that answers with an auto-posting form, as real IdPs do: a cross-site POST,
        // after which the viewer's SameSite=Strict cookie must still work.
        IdentityProviderSite site = IdentityProviderSite.start();
        // Test SSO, before Enable, signs in a user of the account; the recipient is none
        String administrator = "it-" + marker() + "@" + organisation.domain();
        organisation.api().post("/api/v1/accounts/" + organisation.number() + "/users", Json.createObjectBuilder()
                .add("federationId", administrator).build().toString());
        ScriptedIdentityProvider idp = ScriptedIdentityProvider.enable(organisation.api(), base, organisation.number(),
                administrator, site.signInPage());
        site.answering(idp, reader, base.resolve("saml/" + organisation.number() + "/acs"));
        try {
            Sealed envelope = seal("Dana <" + reader + ">", 20_000);
            openAttachment(envelope, null);
            awaitState("sign-in");
            driver.findElement(By.id("signin-address")).sendKeys(reader);
            driver.findElement(By.id("send-code")).click();
            WebElement continueButton = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-continue")));
            assertTrue(driver.findElement(By.id("sso-organisation")).getText().startsWith("Contoso Partners"));
            Browser.screenshot(driver, "envelope-viewer-sso");
            continueButton.click();

            awaitState("message");
            assertTrue(driver.getCurrentUrl().startsWith(base + "envelope/open?envelope=" + envelope.id()), driver.getCurrentUrl());
            assertEquals("Settlement draft " + envelope.marker(), driver.findElement(By.id("subject")).getText());
            assertEquals(reader, driver.findElement(By.id("signed-in-as")).getText());
            assertTrue(Mailboxes.to(SMTP, reader, "Your code").isEmpty(), "no code was mailed: the IdP proved the address");
        } finally {
            site.close();
        }
    }
}
