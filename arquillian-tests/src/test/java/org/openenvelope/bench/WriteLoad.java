package org.openenvelope.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;

/**
 * A load of the writes people cause, against a running service (see {@code bench/writes.sh}): REST account
 * creation one at a time and from four clients at once, the portal's form sign-in (PBKDF2, the audit line, the
 * failure counter reset) and an SSO sign-in through the ACS (replay cache, user-portal session, audit line; the
 * account and its identity provider from {@link BenchFederation}); and, to compare builds on the portal's render
 * path, the Manage Accounts page read by signed-in administrators, one and four at once.
 * Prints latency percentiles and throughput of each; every request is checked, so a failing service cannot
 * look fast.
 */
public final class WriteLoad {

    private final URI base;
    private final int rounds;

    private WriteLoad(URI base, int rounds) {
        this.base = base;
        this.rounds = rounds;
    }

    /** Arguments: the service's base URL and the number of timed rounds of each kind. */
    public static void main(String[] arguments) throws Exception {
        new WriteLoad(URI.create(arguments[0]), Integer.parseInt(arguments[1])).run();
    }

    private void run() throws Exception {
        String token = PortalSteps.createServiceToken(PortalSteps.serviceAdministrator(base), "Write load");
        ApiClient api = new ApiClient(base, token);
        Runnable createAccount = () -> expect(201, api.post("/api/v1/accounts",
                "{\"name\":\"" + Fixtures.unique("Load") + "\"}").status(), "account created");
        measure("REST: create an account, 1 client", rounds, createAccount);
        concurrently("REST: create an account, 4 clients", rounds, 4, createAccount);

        measure("Portal: form sign-in", Math.max(10, rounds / 5), () -> expect(
                new PortalClient(base).signIn(Deployments.adminEmail(), Deployments.adminPassword()).path()
                        .startsWith("/admin/"), "signed in"));

        // a Faces page read by administrators signed in before the timing (a session each): the portal's render path
        BlockingQueue<PortalClient> administrators = new ArrayBlockingQueue<>(4);
        for (int i = 0; i < 4; i++) {
            administrators.add(PortalSteps.serviceAdministrator(base));
        }
        Runnable accountsPage = () -> {
            PortalClient administrator = administrators.remove();
            try {
                expect(administrator.open("/admin/accounts/index.xhtml").path().equals("/admin/accounts/index.xhtml"),
                        "Manage Accounts shown");
            } finally {
                administrators.add(administrator);
            }
        };
        measure("Portal: Manage Accounts page, 1 client", rounds, accountsPage);
        concurrently("Portal: Manage Accounts page, 4 clients", rounds, 4, accountsPage);

        BenchFederation sso = BenchFederation.create(api, base, "Load Federation", 1);
        measure("SSO: sign-in through the ACS", rounds, () -> {
            BrowserlessClient browser = new BrowserlessClient();
            String requestId = sso.start(browser);
            HttpResponse<String> acs = browser.post(sso.acsUrl(),
                    Map.of("SAMLResponse", sso.answer(requestId, sso.users().get(0), false)));
            expect(303, acs.statusCode(), "signed in through the ACS");
        });
    }

    /** Warms up with a fifth of the rounds, then times each of {@code rounds} calls. */
    private static void measure(String label, int rounds, Runnable call) {
        for (int i = 0; i < Math.max(5, rounds / 5); i++) {
            call.run();
        }
        long[] nanos = new long[rounds];
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long before = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - before;
        }
        report(label, nanos, System.nanoTime() - start);
    }

    private static void concurrently(String label, int rounds, int clients, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long[] nanos = new long[rounds];
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                int first = client;
                running.add(pool.submit(() -> {
                    for (int i = first; i < rounds; i += clients) {
                        long before = System.nanoTime();
                        call.run();
                        nanos[i] = System.nanoTime() - before;
                    }
                }));
            }
            for (Future<?> done : running) {
                done.get();
            }
            report(label, nanos, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String label, long[] nanos, long elapsed) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s n=%4d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  %8.1f/s%n", label, sorted.length,
                millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), sorted.length / (elapsed / 1e9));
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void expect(int expected, int actual, String what) {
        expect(expected == actual, what + " (HTTP " + actual + ")");
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Not " + what);
        }
    }
}
