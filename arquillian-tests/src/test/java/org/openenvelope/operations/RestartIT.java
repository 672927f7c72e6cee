package org.openenvelope.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.MicroProcess;
import org.openenvelope.testing.PortalClient;

/**
 * The embedded default as the README runs it: Payara Micro with the H2 file database under a data directory.
 * What is written before a stop is there after the next start, and the first start's one-time administrator
 * password is printed once and must be replaced.
 */
class RestartIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");
    private static final Map<String, String> NO_CONFIGURED_PASSWORD = java.util.Collections.singletonMap(
            "OPENENVELOPE_ADMIN_PASSWORD", null);

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("openenvelope.test.work-dir"),
                "restart-" + System.nanoTime()));
        Path data = work.resolve("data");
        String chosenPassword = "restart-test-chosen-password";
        String accountNumber;

        // as a production node starts: laid out by node/prepare.sh, with its class-data-sharing archive
        Path node = MicroProcess.prepareNode(work.resolve("node"), work.resolve("prepare.log"));
        try (MicroProcess first = MicroProcess.startNode(node, data, NO_CONFIGURED_PASSWORD,
                work.resolve("first-start.log"))) {
            Matcher generated = first.awaitLog(ONE_TIME_PASSWORD, Duration.ofSeconds(30));
            assertTrue(generated.find(), "the first start prints a one-time password");
            assertTrue(Files.exists(data.resolve("database")), "the database lives under the data directory");

            PortalClient portal = new PortalClient(first.base()).signIn(Deployments.adminEmail(), generated.group(1));
            assertEquals("/admin/password.xhtml", portal.path(), "a one-time password must be replaced first");
            assertEquals("/admin/password.xhtml", portal.open("/admin/accounts/index.xhtml").path(),
                    "nothing else is reachable before the password is replaced");
            portal.submit("password", Map.of("currentPassword", generated.group(1),
                    "newPassword", chosenPassword, "confirmation", chosenPassword), "change");
            assertFalse(portal.path().startsWith("/admin/password.xhtml"), portal.errors().toString());

            portal.open("/admin/accounts/index.xhtml")
                    .submit("create", Map.of("name", "Restart Test Corporation"), "create");
            Matcher number = Pattern.compile("account=(\\d{8})").matcher(portal.path());
            assertTrue(number.find(), portal.path());
            accountNumber = number.group(1);
            portal.open("/admin/accounts/profiles.xhtml?account=" + accountNumber)
                    .submit("profiles", Map.of("values", "restart-test.example"), "add");
            assertTrue(portal.errors().isEmpty(), portal.errors().toString());
        }

        try (MicroProcess second = MicroProcess.startNode(node, data, NO_CONFIGURED_PASSWORD,
                work.resolve("second-start.log"))) {
            assertFalse(ONE_TIME_PASSWORD.matcher(second.log()).find(), "no second administrator, no second password");

            PortalClient portal = new PortalClient(second.base()).signIn(Deployments.adminEmail(), chosenPassword);
            assertTrue(portal.path().startsWith("/admin/accounts/"), portal.path() + " " + portal.errors());
            assertTrue(portal.open("/admin/accounts/details.xhtml?account=" + accountNumber).text()
                    .contains("Restart Test Corporation"));
            assertTrue(portal.open("/admin/accounts/profiles.xhtml?account=" + accountNumber).text()
                    .contains("restart-test.example"));
        }
    }
}
