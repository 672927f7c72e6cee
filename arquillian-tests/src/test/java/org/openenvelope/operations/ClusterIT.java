package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openenvelope.bench.BenchFederation;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.MicroProcess;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.PrometheusText;

/**
 * Two Payara Micro nodes clustered in Payara's data grid over one throw-away PostgreSQL database, behind HAProxy
 * (round robin, no stickiness, the repository's cluster/haproxy.cfg) on loopback: what one node starts another
 * finishes, what one node counted the other counts on, scheduled work runs once, and a node killed with
 * {@code kill -9} in the middle of a stream of sign-ins loses none twice while the other carries on.
 */
class ClusterIT {

    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(
            "cluster test master key, 32 byte".getBytes(StandardCharsets.US_ASCII));
    private static final String METRICS_TOKEN = "cluster-metrics-token-0123456789abcdef";
    private static final Duration SCHEDULE = Duration.ofSeconds(2);

    private final List<AutoCloseable> running = new ArrayList<>();
    private String database;

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (database != null) {
            try (Connection admin = postgres("openenvelope_test"); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void twoNodesBehindAnOrdinaryLoadBalancerActAsOneService() throws Exception {
        assumeTrue(System.getenv("OPENENVELOPE_TEST_POSTGRES_URL") != null || ci(),
                "no PostgreSQL (eval \"$(bash .ci/postgres)\"); CI runs this test");
        Path haproxyBinary = Path.of("/usr/sbin/haproxy");
        assumeTrue(Files.isExecutable(haproxyBinary) || ci(), "no HAProxy (apt-get install haproxy); CI runs this test");
        database = "openenvelope_cluster_" + System.nanoTime();
        try (Connection admin = postgres("openenvelope_test"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        Path work = Files.createDirectories(Path.of(System.getProperty("openenvelope.test.work-dir"),
                "cluster-" + System.nanoTime()));
        int balancerPort = freePort();
        URI balancer = URI.create("http://127.0.0.1:" + balancerPort + "/");
        int dataGridPort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "OPENENVELOPE_DATASOURCE_URL", jdbcUrl(database),
                "OPENENVELOPE_DATASOURCE_USER", System.getenv("OPENENVELOPE_TEST_POSTGRES_USER"),
                "OPENENVELOPE_DATASOURCE_PASSWORD", System.getenv("OPENENVELOPE_TEST_POSTGRES_PASSWORD"),
                "OPENENVELOPE_SECRETS_MASTER_KEY", MASTER_KEY,
                "OPENENVELOPE_BASE_URL", balancer.toString(),
                "OPENENVELOPE_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                "OPENENVELOPE_METRICS_TOKEN", METRICS_TOKEN,
                "OPENENVELOPE_SAML_METADATA_REFRESH_CHECK_SECONDS", Long.toString(SCHEDULE.toSeconds())));
        List<String> clustered = List.of("--clustermode", "tcpip:127.0.0.1:" + dataGridPort,
                "--startport", Integer.toString(dataGridPort), "--interfaces", "127.0.0.1",
                "--clustername", "openenvelope-it-" + System.nanoTime());
        MicroProcess a = started(MicroProcess.start(work.resolve("a-data"), environment, work.resolve("node-a.log"), clustered));
        MicroProcess b = started(MicroProcess.start(work.resolve("b-data"), environment, work.resolve("node-b.log"), clustered));
        assertEquals("2", readiness(b.base(), "cluster").getString("members"), "node b joined node a");

        ProcessBuilder haproxy = new ProcessBuilder(haproxyBinary.toString(), "-db", "-f",
                System.getProperty("openenvelope.test.haproxy-config")).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile());
        haproxy.environment().putAll(Map.of("OE_LISTEN", "127.0.0.1:" + balancerPort,
                "OE_NODE1", "127.0.0.1:" + a.port(), "OE_NODE2", "127.0.0.1:" + b.port()));
        Process proxy = haproxy.start();
        running.add(() -> {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        });
        awaitAnswers(balancer.resolve("login.xhtml"), Duration.ofSeconds(30));

        // A portal page rendered by node a is posted back to node b, in the same session
        PortalClient onA = new PortalClient(a.base()).signIn(Deployments.adminEmail(), Deployments.adminPassword());
        assertTrue(onA.path().startsWith("/admin/accounts/"), onA.path() + " " + onA.errors());
        onA.open("/admin/accounts/index.xhtml");
        PortalClient onB = onA.at(b.base()).submit("create", Map.of("name", "Made Across Nodes"), "create");
        assertTrue(onB.path().startsWith("/admin/accounts/details.xhtml?account="), onB.path() + " " + onB.errors());
        assertTrue(onB.text().contains("Made Across Nodes"));

        // SSO: the AuthnRequest comes from node a, its Response is posted to node b; a replay to node a is refused
        BenchFederation sso = BenchFederation.create(PortalSteps.serviceApi(balancer, "Cluster"), balancer, "Cluster", 16);
        BrowserlessClient browser = new BrowserlessClient();
        String requestId = sso.start(browser, a.base());
        String answer = sso.answer(requestId, sso.users().get(0), false);
        HttpResponse<String> signedIn = browser.postOnce(sso.acsUrl(b.base()), Map.of("SAMLResponse", answer,
                "OE_REPOSTED", "1"));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/websafe/", signedIn.headers().firstValue("Location").orElse(""));
        assertTrue(browser.get(a.base().resolve("websafe/")).body().contains(sso.users().get(0)),
                "the user's session, begun on node b, is valid on node a");
        HttpResponse<String> replayed = browser.postOnce(sso.acsUrl(a.base()), Map.of("SAMLResponse", answer,
                "OE_REPOSTED", "1"));
        assertEquals(400, replayed.statusCode());
        assertEquals("already_used", Jsoup.parse(replayed.body()).select("#reason-code").text());
        HttpResponse<String> replayedElsewhere = new BrowserlessClient().postOnce(sso.acsUrl(a.base()),
                Map.of("SAMLResponse", answer, "OE_REPOSTED", "1"));
        assertEquals(400, replayedElsewhere.statusCode(), "nor from another browser");

        // Rate limits count across both nodes: 10 add-in sign-ins a minute per address, alternately on a and b
        String address = "guesser-" + System.nanoTime() + "@example.com";
        BrowserlessClient addin = new BrowserlessClient();
        for (int i = 0; i < 10; i++) {
            URI node = (i % 2 == 0 ? a : b).base();
            assertEquals(400, addinSignIn(addin, node, balancer, address).statusCode(), "attempt " + (i + 1) + " is allowed");
        }
        assertEquals(429, addinSignIn(addin, a.base(), balancer, address).statusCode(), "the eleventh, on either node, is not");
        assertEquals(429, addinSignIn(addin, b.base(), balancer, address).statusCode());

        // Sign-in back-off counts across both nodes too, for an address nobody has as for an administrator's
        String nobody = "nobody-" + System.nanoTime() + "@example.com";
        for (int attempt = 1; attempt <= 4; attempt++) {
            URI node = (attempt % 2 == 0 ? a : b).base();
            assertEquals(List.of("The email address or password is not correct."),
                    new PortalClient(node).signIn(nobody, "wrong-" + attempt).errors(), "attempt " + attempt);
        }
        List<String> fifth = new PortalClient(a.base()).signIn(nobody, "wrong-5").errors();
        assertTrue(String.join(" ", fifth).contains("paused"), "the fifth, on either node, is paused: " + fifth);

        // Scheduled work (the metadata refresh check, every 2 s here) runs once per period on the cluster
        double before = scheduledRuns(a) + scheduledRuns(b);
        Instant from = Instant.now();
        Thread.sleep(SCHEDULE.multipliedBy(6).toMillis());
        double runs = scheduledRuns(a) + scheduledRuns(b) - before;
        double periods = Duration.between(from, Instant.now()).toMillis() / (double) SCHEDULE.toMillis();
        assertTrue(runs >= periods - 2 && runs <= periods + 1, runs + " runs in " + periods + " periods: once each");

        // A stream of sign-ins through the balancer; node a is killed in the middle of it
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        ExecutorService http = Executors.newFixedThreadPool(4);
        List<Future<List<SignIn>>> streams = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            streams.add(threads.submit(() -> stream(sso, balancer, thread, stop, http)));
        }
        Thread.sleep(4000);
        a.kill();
        Instant killed = Instant.now();
        Thread.sleep(8000);
        stop.set(true);
        threads.shutdown();
        List<SignIn> signIns = new ArrayList<>();
        for (Future<List<SignIn>> stream : streams) {
            signIns.addAll(stream.get(2, TimeUnit.MINUTES));
        }
        threads.shutdownNow();
        http.shutdownNow();
        long completed = signIns.stream().filter(SignIn::completed).count();
        assertTrue(completed > 10, "sign-ins completed: " + completed + " of " + signIns.size());
        for (SignIn signIn : signIns) {
            assertTrue(signIn.completed() || signIn.failedCleanly(), "neither completed nor refused: " + signIn);
        }
        assertTrue(signIns.stream().filter(s -> s.startedAt().isAfter(killed.plusSeconds(5))).anyMatch(SignIn::completed),
                "the survivor carries on once the balancer has noticed");
        for (SignIn signIn : signIns) {
            HttpResponse<String> again = new BrowserlessClient().postOnce(sso.acsUrl(b.base()),
                    Map.of("SAMLResponse", signIn.answer(), "OE_REPOSTED", "1"));
            assertEquals(400, again.statusCode(), "an answer is never accepted twice: " + signIn);
        }
        assertEquals(200, new BrowserlessClient().get(b.base().resolve("health/ready")).statusCode(),
                "the survivor is ready");
        double runsBefore = scheduledRuns(b);
        Thread.sleep(SCHEDULE.multipliedBy(3).toMillis());
        assertTrue(scheduledRuns(b) > runsBefore, "scheduled work goes on without the node that used to win it");
    }

    /** One sign-in of the stream: what was answered, and how it ended (status, or the I/O failure). */
    record SignIn(Instant startedAt, String answer, int status, String failure) {
        boolean completed() {
            return status == 303 && failure == null;
        }

        /** Cut off where the node died: the balancer's 502 or 503, or a dropped connection. */
        boolean failedCleanly() {
            return failure != null || status == 502 || status == 503;
        }
    }

    private static List<SignIn> stream(BenchFederation sso, URI balancer, int thread, AtomicBoolean stop,
                                       ExecutorService http) {
        List<SignIn> signIns = new ArrayList<>();
        for (int i = 0; !stop.get(); i++) {
            Instant started = Instant.now();
            BrowserlessClient browser = new BrowserlessClient(http);
            String answer = null;
            try {
                String requestId = sso.start(browser, balancer);
                answer = sso.answer(requestId, sso.users().get((thread * 4 + i) % sso.users().size()), false);
                HttpResponse<String> acs = browser.postOnce(sso.acsUrl(balancer), Map.of("SAMLResponse", answer,
                        "OE_REPOSTED", "1"));
                signIns.add(new SignIn(started, answer, acs.statusCode(), null));
            } catch (RuntimeException cutOff) {
                if (answer != null) {
                    signIns.add(new SignIn(started, answer, 0, String.valueOf(cutOff.getMessage())));
                }
            }
        }
        return signIns;
    }

    /** An add-in sign-in sent to one node, from the add-in's page as the balancer serves it. */
    private static HttpResponse<String> addinSignIn(BrowserlessClient client, URI node, URI balancer, String address) {
        return client.postJson(node.resolve("api/addin/v1/sign-in/password"), "{\"email\":\"" + address
                + "\",\"password\":\"wrong\",\"mailbox\":\"" + address + "\"}", balancer);
    }

    private static double scheduledRuns(MicroProcess node) {
        HttpResponse<String> scraped = new BrowserlessClient().get(node.base().resolve("operations/metrics"),
                Map.of("Authorization", "Bearer " + METRICS_TOKEN));
        assertEquals(200, scraped.statusCode());
        return PrometheusText.parse(scraped.body()).value("openenvelope_scheduled_runs_total",
                Map.of("work", "saml_metadata_refresh")).orElse(0.0);
    }

    private static JsonObject readiness(URI node, String check) {
        try (JsonReader reader = Json.createReader(new StringReader(new BrowserlessClient().get(node.resolve("health/ready"))
                .body()))) {
            return reader.readObject().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(c -> check.equals(c.getString("name"))).findFirst().orElseThrow().getJsonObject("data");
        }
    }

    private MicroProcess started(MicroProcess node) {
        running.add(node);
        return node;
    }

    private static void awaitAnswers(URI uri, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        BrowserlessClient client = new BrowserlessClient();
        int inARow = 0;
        while (inARow < 4) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the balancer did not answer with both nodes within " + limit);
            }
            try {
                inARow = client.get(uri).statusCode() == 200 ? inARow + 1 : 0;
            } catch (RuntimeException notYet) {
                inARow = 0;
            }
            if (inARow == 0) {
                Thread.sleep(500);
            }
        }
    }

    private static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    private static Connection postgres(String name) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(name), System.getenv("OPENENVELOPE_TEST_POSTGRES_USER"),
                System.getenv("OPENENVELOPE_TEST_POSTGRES_PASSWORD"));
    }

    /** The test server's URL for another database of it. */
    private static String jdbcUrl(String name) {
        String url = System.getenv("OPENENVELOPE_TEST_POSTGRES_URL");
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
