package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.MicroProcess;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;

/**
 * While the database is down, every page and the API say "service unavailable, try again" (HTTP 503), a
 * sign-in is never told as a wrong password, and the service recovers by itself once the database is back.
 * The database here is an H2 server in the test's JVM, stopped and started again as a PostgreSQL server would
 * be by its operator.
 */
class DatabaseOutageIT {

    @Test
    void whileTheDatabaseIsDownEverythingAnswersServiceUnavailableAndRecoversAfterwards() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("openenvelope.test.work-dir"),
                "outage-" + System.nanoTime()));
        String databasePort = Integer.toString(freePort());
        Server database = databaseServer(databasePort, work.resolve("database"));
        Map<String, String> environment = Map.of(
                "OPENENVELOPE_ADMIN_PASSWORD", Deployments.adminPassword(),
                "OPENENVELOPE_DATASOURCE_URL", "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/openenvelope");
        // the self-contained WAR, which the other process-level tests leave to this one
        try (MicroProcess service = MicroProcess.start(MicroProcess.Layout.WHOLE_WAR, work.resolve("data"), environment,
                work.resolve("service.log"))) {
            PortalClient signedIn = PortalSteps.serviceAdministrator(service.base());
            ApiClient api = new ApiClient(service.base(), PortalSteps.createServiceToken(signedIn, "Outage"));
            String account = ApiSteps.createAccount(api, "Outage Test Corporation");

            database.stop();

            // Each answer during the outage takes about 15 s (the pool's waits for a connection): asked together.
            ExecutorService callers = Executors.newFixedThreadPool(5);
            try {
                Future<ApiClient.Reply> read = callers.submit(() -> api.get("/api/v1/accounts/" + account));
                Future<ApiClient.Reply> write = callers.submit(() -> api.post("/api/v1/accounts",
                        "{\"name\":\"Written During The Outage\"}"));
                Future<PortalClient> signIn = callers.submit(() -> new PortalClient(service.base())
                        .signIn(Deployments.adminEmail(), Deployments.adminPassword()));
                Future<PortalClient> portal = callers.submit(() -> signedIn.open("/admin/accounts/index.xhtml"));
                Future<HttpResponse<String>> metadata = callers.submit(() -> new BrowserlessClient()
                        .get(service.base().resolve("saml/" + account + "/metadata")));

                assertEquals(503, read.get().status(), read.get().body());
                assertEquals("service_unavailable", read.get().json().getString("code"));
                assertEquals("30", read.get().header("Retry-After"));
                assertEquals(503, write.get().status(), write.get().body());

                PortalClient refused = signIn.get();
                assertEquals(503, refused.status());
                assertTrue(refused.errors().stream().anyMatch(error -> error.contains("cannot reach its database")),
                        refused.errors().toString());
                assertTrue(refused.errors().stream().noneMatch(error -> error.contains("password is not correct")),
                        refused.errors().toString());

                PortalClient page = portal.get();
                assertEquals(503, page.status(), page.text());
                assertTrue(page.text().contains("cannot reach its database"), page.text());

                assertEquals(503, metadata.get().statusCode(), metadata.get().body());
            } finally {
                callers.shutdownNow();
            }

            database = databaseServer(databasePort, work.resolve("database"));

            // a minute is only four tries while answers still wait for the pool
            ApiClient.Reply recovered = awaitAnswer(() -> api.get("/api/v1/accounts/" + account), Duration.ofMinutes(2));
            assertEquals(200, recovered.status(), recovered.body());
            ApiClient.Reply listed = api.get("/api/v1/accounts?size=100");
            assertFalse(listed.body().contains("Written During The Outage"), "nothing half-written: " + listed.body());
            assertTrue(new PortalClient(service.base()).signIn(Deployments.adminEmail(), Deployments.adminPassword())
                    .path().startsWith("/admin/"), "signing in works again");
            assertTrue(service.awaitLog(Pattern.compile("Database unavailable"), Duration.ofSeconds(30)).find(),
                    "the outage is in the server log");
        } finally {
            database.stop();
        }
    }

    private static Server databaseServer(String port, Path directory) throws SQLException {
        return Server.createTcpServer("-tcpPort", port, "-ifNotExists", "-baseDir", directory.toString()).start();
    }

    private static ApiClient.Reply awaitAnswer(java.util.function.Supplier<ApiClient.Reply> call, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        ApiClient.Reply reply = call.get();
        while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            reply = call.get();
        }
        return reply;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
