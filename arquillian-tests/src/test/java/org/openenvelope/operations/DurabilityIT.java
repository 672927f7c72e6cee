package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.MicroProcess;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * Nothing the service confirmed is lost: writes answered with success survive {@code kill -9} right after the
 * answer (accounts, their audit lines, an SP key, a replay-cache entry); a graceful stop closes the database and
 * says so; a second server on the same data directory refuses to start, naming it; an online backup restored
 * into a fresh data directory (with the master key) holds everything it was taken with.
 */
class DurabilityIT {

    private static final Pattern CERTIFICATE = Pattern.compile("<(?:ds:)?X509Certificate>([^<]+)</(?:ds:)?X509Certificate>");

    @Test
    void whatWasConfirmedSurvivesKillDashNineAndABackupRestoresIt() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("openenvelope.test.work-dir"),
                "durability-" + System.nanoTime()));
        Path data = work.resolve("data");
        Map<String, String> environment = Map.of("OPENENVELOPE_ADMIN_PASSWORD", Deployments.adminPassword());

        Confirmed confirmed;
        Path backup;
        int port;
        try (MicroProcess first = MicroProcess.start(data, environment, work.resolve("first.log"))) {
            port = first.port();
            String token = PortalSteps.createServiceToken(PortalSteps.serviceAdministrator(first.base()), "Durability");
            ApiClient api = new ApiClient(first.base(), token);
            Federation federation = Federation.setUp(api, token, first.base());

            JsonObject written = created(api.post("/api/v1/database/backups", null));
            backup = Path.of(written.getString("file"));
            assertTrue(backup.startsWith(data.resolve("backups")), written.toString());
            assertEquals(Files.size(backup), written.getJsonNumber("bytes").longValue());

            // The writes under test, each confirmed, then the process is killed at once.
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accounts.add(ApiSteps.createAccount(api, Fixtures.unique("Confirmed")));
            }
            assertEquals(200, api.post(federation.keys(), null).status(), "next SP key added");
            String assertionId = "_" + Fixtures.unique("once");
            assertEquals(303, federation.signIn(new BrowserlessClient(), assertionId, null).statusCode(), "signed in");
            first.kill();
            confirmed = new Confirmed(federation, accounts, assertionId);
        }

        try (MicroProcess second = MicroProcess.start(data, environment, work.resolve("second.log"), port)) {
            ApiClient api = new ApiClient(second.base(), confirmed.federation().token());
            for (String number : confirmed.accounts()) {
                assertEquals(200, api.get("/api/v1/accounts/" + number).status(), "account " + number + " survived");
            }
            String audit = api.get("/api/v1/audit?size=100").body();
            for (String number : confirmed.accounts()) {
                assertTrue(audit.contains("\"accountNumber\":\"" + number + "\""), "audit line of " + number + ": " + audit);
            }
            List<X509Certificate> published = confirmed.federation().publishedSpCertificates();
            assertEquals(2, published.size(), "the next SP key survived");
            assertEquals(303, confirmed.federation().signIn(new BrowserlessClient(), "_" + Fixtures.unique("after"),
                    published.get(1)).statusCode(), "the next key's private key survived and decrypts");
            assertEquals("replayed_assertion", reasonCode(confirmed.federation().signIn(new BrowserlessClient(),
                    confirmed.assertionId(), null)), "the replay cache kept the assertion id");

            try (MicroProcess rival = MicroProcess.launch(data, environment, work.resolve("rival.log"))) {
                assertEquals(1, rival.awaitExit(Duration.ofMinutes(3)), "a second server on the data directory exits");
                String log = rival.log();
                assertTrue(log.contains("the data directory " + data.toAbsolutePath().normalize()
                        + " is in use by another OpenEnvelope server"), log);
            }
            assertEquals(200, api.get("/api/v1/accounts/" + confirmed.accounts().get(0)).status(),
                    "the running server is untouched by the refused one");
        }
        String stopped = Files.readString(work.resolve("second.log"));
        assertTrue(stopped.contains("closed cleanly"), "a graceful stop closes the database and says so");

        Path restored = work.resolve("restored");
        unzip(backup, restored.resolve("database"));
        Files.createDirectories(restored.resolve("secrets"));
        Files.copy(data.resolve("secrets").resolve("master.key"), restored.resolve("secrets").resolve("master.key"));
        try (MicroProcess fromBackup = MicroProcess.start(restored, environment, work.resolve("restored.log"), port)) {
            Federation federation = confirmed.federation();
            assertEquals(200, new ApiClient(fromBackup.base(), federation.token())
                    .get("/api/v1/accounts/" + federation.account()).status(), "the backup holds the account");
            assertEquals(1, federation.publishedSpCertificates().size(), "the backup predates the next key");
            assertEquals(303, federation.signIn(new BrowserlessClient(), "_" + Fixtures.unique("restored"),
                    federation.publishedSpCertificates().get(0)).statusCode(),
                    "SSO works from the backup: the IdP, the user and the SP key the master key opens");
        }
    }

    private record Confirmed(Federation federation, List<String> accounts, String assertionId) {
    }

    /** An account with SSO in force through an IdP the test plays, and the user it signs in. */
    private record Federation(URI base, String token, String account, ScriptedIdentityProvider idp) {

        static Federation setUp(ApiClient api, String token, URI base) {
            String account = ApiSteps.createAccount(api, Fixtures.unique("Federated"));
            String domain = Fixtures.uniqueDomain();
            ApiSteps.addDomains(api, account, domain);
            String user = Fixtures.unique("jane") + "@" + domain;
            ApiSteps.addUser(api, account, user);
            ScriptedIdentityProvider idp = ScriptedIdentityProvider.enable(api, base, account, user,
                    "https://idp.test.example/sso");
            return new Federation(base, token, account, idp);
        }

        String keys() {
            return "/api/v1/accounts/" + account + "/saml/service-provider/keys";
        }

        /** Signs the user in through the ACS; the assertion encrypted for {@code encryptFor} unless null. */
        HttpResponse<String> signIn(BrowserlessClient browser, String assertionId, X509Certificate encryptFor) {
            URI location = URI.create(browser.get(base.resolve("saml/" + account + "/login")).headers()
                    .firstValue("Location").orElseThrow());
            String requestId = ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(location.getRawQuery(),
                    RedirectBinding.SAML_REQUEST).xml())).getID();
            var answer = idp.answer().inResponseTo(requestId).assertionId(assertionId);
            if (encryptFor != null) {
                answer = answer.encryptedFor(encryptFor);
            }
            return browser.post(base.resolve("saml/" + account + "/acs"),
                    Map.of("SAMLResponse", Base64.getEncoder().encodeToString(answer.build())));
        }

        List<X509Certificate> publishedSpCertificates() {
            String metadata = new BrowserlessClient().get(base.resolve("saml/" + account + "/metadata")).body();
            List<X509Certificate> certificates = new ArrayList<>();
            Matcher found = CERTIFICATE.matcher(metadata);
            while (found.find()) {
                X509Certificate certificate = certificate(found.group(1));
                if (!certificates.contains(certificate)) {
                    certificates.add(certificate);
                }
            }
            return certificates;
        }
    }

    private static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject created(ApiClient.Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static String reasonCode(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#reason-code").text();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                Files.copy(entries, target);
            }
        }
    }
}
