package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.MicroProcess;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PrometheusText;

/**
 * A node as operations see it: readiness and liveness at Payara's health paths, the service's metrics in the
 * Prometheus format behind a token, one JSON object per log line carrying the request ID, account and event; and a
 * node whose master key is not the database's refusing to start.
 */
class ObservabilityIT {

    private static final String METRICS_TOKEN = "metrics-" + "0123456789abcdef0123456789abcdef";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_MASTER_KEY = Base64.getEncoder().encodeToString(filled(32, (byte) 7));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aNodeReportsItsHealthCountsWhatItDoesLogsJsonAndAnotherMasterKeyDoesNotStart() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("openenvelope.test.work-dir"),
                "observability-" + System.nanoTime()));
        Path data = work.resolve("data");
        Path log = work.resolve("json.log");
        List<String> jsonLogs = List.of("--logproperties", System.getProperty("openenvelope.test.json-logging"));

        try (MicroProcess node = MicroProcess.start(data, Map.of("OPENENVELOPE_METRICS_TOKEN", METRICS_TOKEN,
                "OPENENVELOPE_SECRETS_MASTER_KEY", MASTER_KEY), log, jsonLogs)) {
            URI base = node.base();

            JsonObject ready = json(get(base.resolve("health/ready"), Optional.empty()), 200);
            assertEquals("UP", ready.getString("status"), ready.toString());
            JsonObject database = check(ready, "database");
            assertEquals("UP", database.getString("status"));
            assertEquals(database.getJsonObject("data").getString("expectedSchemaVersion"),
                    database.getJsonObject("data").getString("schemaVersion"), "every migration is applied");
            assertEquals("UP", check(ready, "master-key").getString("status"));
            JsonObject live = json(get(base.resolve("health/live"), Optional.empty()), 200);
            assertEquals("UP", check(live, "deadlocks").getString("status"), live.toString());

            URI metrics = base.resolve("operations/metrics");
            HttpResponse<String> anonymous = get(metrics, Optional.empty());
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "));
            assertEquals(401, get(metrics, Optional.of(METRICS_TOKEN + "x")).statusCode(), "a wrong token");

            PortalClient portal = new PortalClient(base).signIn(Deployments.adminEmail(), "not the password at all");
            assertTrue(portal.path().startsWith("/login.xhtml"), portal.path());
            HttpResponse<String> refusedSaml = http.send(HttpRequest.newBuilder(base.resolve("saml/12345678/acs"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D&OE_REPOSTED=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refusedSaml.statusCode());
            String requestId = refusedSaml.headers().firstValue("X-Request-Id").orElseThrow();

            HttpResponse<String> scraped = get(metrics, Optional.of(METRICS_TOKEN));
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            PrometheusText exposition = PrometheusText.parse(scraped.body());
            assertEquals(Optional.of("counter"), exposition.type("openenvelope_sign_ins_total"));
            assertEquals(Optional.of(1.0), exposition.value("openenvelope_sign_ins_total", Map.of("method",
                    "administrator_password", "outcome", "refused", "reason", "wrong_credentials")));
            assertEquals(Optional.of(1.0), exposition.value("openenvelope_sign_ins_total", Map.of("method", "saml",
                    "outcome", "refused", "reason", "malformed_message")));
            assertEquals(Optional.of("histogram"), exposition.type("openenvelope_saml_acs_duration_seconds"));
            List<PrometheusText.Sample> buckets = exposition.samples("openenvelope_saml_acs_duration_seconds_bucket");
            assertEquals(Optional.of(1.0), exposition.value("openenvelope_saml_acs_duration_seconds_bucket",
                    Map.of("outcome", "refused", "le", "+Inf")), buckets.toString());
            assertEquals(Optional.of(1.0), exposition.value("openenvelope_saml_acs_duration_seconds_count",
                    Map.of("outcome", "refused")));
            assertFalse(exposition.samples("jvm_memory_used_bytes").isEmpty(), "the JVM's metrics come along");
            assertFalse(scraped.body().contains(Deployments.adminEmail()), "no address in a label");

            Pattern auditEvent = Pattern.compile("\"event\":\"sso.sign-in-refused\"");
            assertTrue(node.awaitLog(auditEvent, Duration.ofSeconds(10)).find(), "audit events are logged");
            List<JsonObject> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{"))
                    .map(ObservabilityIT::json).toList();
            assertTrue(lines.size() > 20, "Payara's lines and the service's, each a JSON object");
            JsonObject refusal = lines.stream().filter(line -> requestId.equals(line.getString("requestId", null))
                    && "sso.sign-in-refused".equals(line.getString("event", null))).findFirst().orElseThrow(
                            () -> new AssertionError("no audit line of request " + requestId));
            assertEquals("12345678", refusal.getString("accountNumber"));
            assertTrue(lines.stream().anyMatch(line -> requestId.equals(line.getString("requestId", null))
                    && line.getString("LoggerName").endsWith("SignInAudit")), "the warning carries the request ID too");
            String everything = node.log();
            assertFalse(everything.contains(METRICS_TOKEN), "the metrics token is never logged");
            assertFalse(everything.contains(MASTER_KEY), "nor the master key");
        }

        Path refusedLog = work.resolve("other-key.log");
        try (MicroProcess otherKey = MicroProcess.launch(data, Map.of("OPENENVELOPE_SECRETS_MASTER_KEY",
                OTHER_MASTER_KEY), refusedLog)) {
            assertEquals(1, otherKey.awaitExit(Duration.ofMinutes(3)), "a node with another master key does not start");
            String reason = otherKey.log();
            assertTrue(reason.contains("its master key for secrets at rest"), reason);
            assertNotEquals(-1, reason.indexOf("openenvelope.secrets.master-key to the key the other nodes use"));
            assertFalse(reason.contains(OTHER_MASTER_KEY), "the key itself is not logged");
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private HttpResponse<String> get(URI uri, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return json(response.body());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> name.equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
