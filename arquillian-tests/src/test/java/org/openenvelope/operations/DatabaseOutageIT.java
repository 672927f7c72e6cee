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
        try (MicroProcess service = MicroProcess.start(work.resolve("data"), environment, work.resolve("service.log"))) {
            PortalClient signedIn = PortalSteps.serviceAdministrator(service.base());
            ApiClient api = new ApiClient(service.base(), PortalSteps.createServiceToken(signedIn, "Outage"));
            String account = ApiSteps.createAccount(api, "Outage Test Corporation");

            database.stop();

            ApiClient.Reply read = api.get("/api/v1/accounts/" + account);
            assertEquals(503, read.status(), read.body());
            assertEquals("service_unavailable", read.json().getString("code"));
            assertEquals("30", read.header("Retry-After"));
            ApiClient.Reply write = api.post("/api/v1/accounts", "{\"name\":\"Written During The Outage\"}");
            assertEquals(503, write.status(), write.body());

            PortalClient signIn = new PortalClient(service.base()).signIn(Deployments.adminEmail(), Deployments.adminPassword());
            assertEquals(503, signIn.status());
            assertTrue(signIn.errors().stream().anyMatch(error -> error.contains("cannot reach its database")),
                    signIn.errors().toString());
            assertTrue(signIn.errors().stream().noneMatch(error -> error.contains("password is not correct")),
                    signIn.errors().toString());

            signedIn.open("/admin/accounts/index.xhtml");
            assertEquals(503, signedIn.status(), signedIn.text());
            assertTrue(signedIn.text().contains("cannot reach its database"), signedIn.text());

            HttpResponse<String> metadata = new BrowserlessClient().get(service.base().resolve("saml/" + account + "/metadata"));
            assertEquals(503, metadata.statusCode(), metadata.body());

            database = databaseServer(databasePort, work.resolve("database"));

            // Each answer during the outage takes about 15 s (the pool's waits for a connection): a minute is only
            // four tries.
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
