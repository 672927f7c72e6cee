package org.openenvelope.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.PortalSteps;

/**
 * Complete SP-initiated SSO sign-ins under load, against a running service (see {@code bench/signin-load.sh}). One
 * sign-in, in a browser of its own (its own HTTP client and cookie jar, no redirects followed by themselves): GET
 * {@code /saml/{account}/login} (302 to the IdP with the AuthnRequest), then the IdP's signed Response POSTed to
 * {@code /saml/{account}/acs} as a browser sends it from the IdP's page (cross-site, so without the SameSite
 * cookie: the ACS answers with its re-post page, whose POST carries it), the 303 followed to the user portal
 * (200, the user shown).
 *
 * <p>The Responses are signed by this JVM, which shares the machine's cores with the server, so each case runs
 * in batches of two timed phases with the signing between them, untimed: (1) every browser of the batch starts its
 * sign-in, the AuthnRequest IDs recorded; then one Response is signed per ID; (2) every browser posts its Response
 * and opens the user portal. {@code c} threads make the requests of each phase, thread {@code t} taking the
 * batch's browsers {@code t, t+c, …}; the users answered for are chosen so that no two threads sign the same user
 * in at once. A sign-in's latency is its start's plus its ACS part's; logins/s are sign-ins over the two phases'
 * wall time; the server's CPU time (utime + stime of its JVM in {@code /proc}) is read before and after each timed
 * phase, and that of its JIT compiler threads apart. Every answer is checked, so a failing service cannot look fast.
 *
 * <p>Settings (system properties): {@code bench.server-pid} (required; a comma-separated list for the nodes of a
 * cluster, whose CPU is summed), {@code bench.encrypted} (also the cases with an encrypted assertion, true),
 * {@code bench.clock-ticks} (required,
 * {@code getconf CLK_TCK}), {@code bench.count} (sign-ins per case, 1000), {@code bench.count-c1} (at concurrency
 * 1, 300), {@code bench.concurrency} (8,64,1: c=1 last, once the JIT has settled), {@code bench.cap-seconds} (per case, signing included, 60),
 * {@code bench.warmup} (untimed sign-ins per warm-up round, 2000; rounds go on until the server's JIT compiler
 * threads use under a tenth of a core, for {@code bench.warmup-seconds} at most, 600), {@code bench.database-pid} (PostgreSQL's postmaster: its
 * and its backends' CPU reported too). Argument: the service's base URL.
 */
public final class SignInLoad {

    /** Users the IdP answers for; thread t of c signs in only users whose index is t modulo c. */
    private static final int USERS = 256;
    private static final Duration IDLE = Duration.ofSeconds(5);
    /** The JIT compiler threads' share of a core under which the warm-up ends. */
    private static final double JIT_SETTLED = 0.10;

    private final URI base;
    private final BenchFederation sso;
    private final long clockTicks;
    /** The server's JVM, or the JVMs of a cluster's nodes (their CPU is summed). */
    private final List<String> serverPids;
    private final String databasePid;
    /** Runs the HTTP clients' work, shared by the thousands of browsers instead of a pool each. */
    private final ExecutorService httpWork = Executors.newCachedThreadPool(daemons("http"));
    private final ExecutorService signing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            daemons("idp"));

    private SignInLoad(URI base, BenchFederation sso, long clockTicks, List<String> serverPids, String databasePid) {
        this.base = base;
        this.sso = sso;
        this.clockTicks = clockTicks;
        this.serverPids = serverPids;
        this.databasePid = databasePid;
    }

    public static void main(String[] arguments) throws Exception {
        Locale.setDefault(Locale.ROOT);
        URI base = URI.create(arguments[0]);
        List<String> serverPids = List.of(required("bench.server-pid").split(","));
        long clockTicks = Long.parseLong(required("bench.clock-ticks"));
        int count = Integer.getInteger("bench.count", 1000);
        int countAtOne = Integer.getInteger("bench.count-c1", Math.min(count, 300));
        int[] levels = Arrays.stream(System.getProperty("bench.concurrency", "8,64,1").split("[,\\s]+"))
                .filter(level -> !level.isEmpty()).mapToInt(Integer::parseInt).toArray();
        Duration cap = Duration.ofSeconds(Long.getLong("bench.cap-seconds", 60));
        int warmup = Integer.getInteger("bench.warmup", 2000);
        Duration warmupCap = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 600));
        String databasePid = System.getProperty("bench.database-pid", "");
        for (int level : levels) {
            if (level < 1 || level > USERS) {
                throw new IllegalArgumentException("Concurrency " + level + " is not between 1 and " + USERS);
            }
        }

        BenchFederation sso = BenchFederation.create(PortalSteps.serviceApi(base, "Sign-in load"), base, "Sign-in load",
                USERS);
        SignInLoad load = new SignInLoad(base, sso, clockTicks, serverPids, databasePid);
        System.out.printf("Account %s, %d users, its IdP played by the bench (generated RSA key); a sign-in: GET"
                + " /saml/%s/login, POST to /acs from the IdP (re-posted by the ACS's page), GET /websafe/%n",
                sso.account(), USERS, sso.account());
        // Rounds until the JIT has settled: on two cores its C2 queue takes minutes to drain, and a case measured
        // before that pays for compiling most of the server's request path (a third of its CPU at 2000 sign-ins).
        long warmStart = System.nanoTime();
        int rounds = 0;
        double compiling;
        do {
            long compiled = load.compilerTicks();
            long roundStart = System.nanoTime();
            load.run("warm-up", false, 8, warmup / 2, cap.dividedBy(2));
            load.run("warm-up", true, 8, warmup - warmup / 2, cap.dividedBy(2));
            compiling = (load.compilerTicks() - compiled) * 1e9 / clockTicks / (System.nanoTime() - roundStart);
            rounds++;
        } while (compiling > JIT_SETTLED && System.nanoTime() - warmStart < warmupCap.toNanos());
        System.out.printf("warm-up: %d round(s) of %d sign-ins at c=8 (half with an encrypted assertion), %.1f s,"
                        + " untimed; the JIT compiler threads used %.0f %% of a core in the last round%s%n", rounds,
                warmup, (System.nanoTime() - warmStart) / 1e9, compiling * 100, compiling > JIT_SETTLED
                        ? " (not settled within bench.warmup-seconds: the cases pay for compiling)" : "");
        System.out.printf("server idle for %d s after it: %.1f ms CPU per second (JIT, GC, timers; counted in the cases"
                + " too)%n", IDLE.toSeconds(), load.idleCpu());
        boolean withEncrypted = Boolean.parseBoolean(System.getProperty("bench.encrypted", "true"));
        for (boolean encrypted : withEncrypted ? new boolean[] {false, true} : new boolean[] {false}) {
            for (int level : levels) {
                Result result = load.run(encrypted ? "encrypted" : "signed", encrypted, level,
                        level == 1 ? countAtOne : count, cap);
                System.out.println(result.report());
            }
        }
        load.httpWork.shutdownNow();
        load.signing.shutdownNow();
    }

    /** The server's CPU ms per second of wall time while no request is made. */
    private double idleCpu() throws InterruptedException {
        long before = serverTicks();
        Thread.sleep(IDLE.toMillis());
        return (serverTicks() - before) * 1000.0 / clockTicks / IDLE.toSeconds();
    }

    /** One case: {@code count} sign-ins by {@code concurrency} threads, in batches, until done or the cap is reached. */
    private Result run(String label, boolean encrypted, int concurrency, int count, Duration cap) throws Exception {
        Result result = new Result(label, encrypted, concurrency, count, cap);
        long deadline = System.nanoTime() + cap.toNanos();
        int usersPerThread = USERS / concurrency;
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, daemons("browser"));
        try {
            double nanosPerSignIn = 0;
            while (result.done < count) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    result.capped = true;
                    break;
                }
                // big enough that the phases' ramp-up and tail matter little, small enough to end near the cap
                int size = Math.min(count - result.done, Math.max(8 * concurrency, 100));
                if (nanosPerSignIn > 0) {
                    size = Math.min(size, Math.max(concurrency, (int) ((deadline - now) / nanosPerSignIn)));
                }
                int first = result.done;
                BrowserlessClient[] browsers = new BrowserlessClient[size];
                for (int i = 0; i < size; i++) {
                    browsers[i] = new BrowserlessClient(httpWork);
                }
                String[] requestIds = new String[size];
                String[] users = new String[size];
                long[] startNanos = new long[size];
                long[] acsNanos = new long[size];

                Usage beforeStarts = usage();
                long startsBegin = System.nanoTime();
                striped(threads, concurrency, size, deadline, i -> {
                    long sent = System.nanoTime();
                    requestIds[i] = sso.start(browsers[i]);
                    startNanos[i] = System.nanoTime() - sent;
                });
                long startsEnd = System.nanoTime();
                Usage afterStarts = usage();

                // the IdP's part, untimed: one signed Response per request, the user fixed by the thread that posts it
                String[] answers = new String[size];
                List<Callable<Void>> signings = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (requestIds[i] != null) {
                        int browser = i;
                        users[i] = sso.users().get(i % concurrency
                                + concurrency * (int) (((long) first + i) / concurrency % usersPerThread));
                        signings.add(() -> {
                            answers[browser] = sso.answer(requestIds[browser], users[browser], encrypted);
                            return null;
                        });
                    }
                }
                for (Future<Void> signed : signing.invokeAll(signings)) {
                    signed.get();
                }

                Usage beforeAcs = usage();
                long acsBegin = System.nanoTime();
                striped(threads, concurrency, size, Long.MAX_VALUE, i -> {
                    if (requestIds[i] != null) {
                        long sent = System.nanoTime();
                        finish(browsers[i], answers[i], users[i]);
                        acsNanos[i] = System.nanoTime() - sent;
                    }
                });
                long acsEnd = System.nanoTime();
                Usage afterAcs = usage();

                int started = 0;
                for (int i = 0; i < size; i++) {
                    if (requestIds[i] != null) {
                        result.add(startNanos[i], acsNanos[i]);
                        started++;
                    }
                }
                result.startWall += startsEnd - startsBegin;
                result.acsWall += acsEnd - acsBegin;
                result.startUsage = result.startUsage.plus(afterStarts.minus(beforeStarts));
                result.acsUsage = result.acsUsage.plus(afterAcs.minus(beforeAcs));
                nanosPerSignIn = (double) (System.nanoTime() - now) / Math.max(1, started);
            }
        } finally {
            threads.shutdownNow();
        }
        return result;
    }

    /** The rest of a sign-in once the IdP answered: the Response posted from the IdP's page, the user portal opened. */
    private void finish(BrowserlessClient browser, String answer, String user) {
        HttpResponse<String> acs = browser.postFromAnotherSite(sso.acsUrl(), Map.of("SAMLResponse", answer));
        BenchFederation.expect(acs.statusCode() == 303 && acs.headers().firstValue("Location").isPresent(),
                "sent on from the ACS", acs);
        HttpResponse<String> portal = browser.get(base.resolve(acs.headers().firstValue("Location").orElseThrow()));
        BenchFederation.expect(portal.statusCode() == 200 && portal.body().contains(user), "signed in as " + user,
                portal);
    }

    /**
     * Runs {@code step} for the indices {@code 0..size-1} on {@code threads} threads, thread {@code t} taking
     * {@code t, t+threads, …} in order; a thread starts no step after the deadline. The first failure stops all.
     */
    private static void striped(ExecutorService pool, int threads, int size, long deadline, IntConsumer step)
            throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (int thread = 0; thread < Math.min(threads, size); thread++) {
            int first = thread;
            running.add(pool.submit(() -> {
                try {
                    for (int i = first; i < size && failure.get() == null
                            && (deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0); i += threads) {
                        step.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Future<?> done : running) {
            done.get();
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
    }

    private Usage usage() {
        long user = 0;
        long system = 0;
        for (String pid : serverPids) {
            String[] server = statFields(pid);
            if (server == null) {
                throw new IllegalStateException("No process " + pid + " (is the server still running?)");
            }
            user += Long.parseLong(server[11]);
            system += Long.parseLong(server[12]);
        }
        return new Usage(user, system, compilerTicks(), ticks("self", false), databaseTicks());
    }

    /**
     * The CPU ticks of the server JVMs' JIT compiler threads ({@code C1/C2 CompilerThread…}): on two cores the C2
     * queue of an application this size takes minutes to drain, and what it still compiles is paid in the cases.
     */
    private long compilerTicks() {
        long ticks = 0;
        for (String pid : serverPids) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path thread : threads.toList()) {
                    String name;
                    try {
                        name = Files.readString(thread.resolve("comm"));
                    } catch (IOException ended) {
                        continue;
                    }
                    boolean compiler = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
                    String[] fields = compiler ? statFields(pid + "/task/" + thread.getFileName()) : null;
                    ticks += fields == null ? 0 : cpu(fields, false);
                }
            } catch (IOException e) {
                throw new IllegalStateException("No process " + pid + " (is the server still running?)", e);
            }
        }
        return ticks;
    }

    private long serverTicks() {
        return serverPids.stream().mapToLong(pid -> ticks(pid, false)).sum();
    }

    /** The CPU ticks of PostgreSQL's postmaster and its children (with those of its children that ended). */
    private long databaseTicks() {
        if (databasePid.isEmpty()) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        String[] fields = statFields(p.getFileName().toString());
                        boolean ours = fields != null && (p.getFileName().toString().equals(databasePid)
                                || fields[1].equals(databasePid));
                        return ours ? cpu(fields, true) : 0;
                    }).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ticks(String pid, boolean withChildren) {
        String[] fields = statFields(pid);
        if (fields == null) {
            throw new IllegalStateException("No process " + pid + " (is the server still running?)");
        }
        return cpu(fields, withChildren);
    }

    /** {@code /proc/<pid>/stat} from its third field (state) on, so index 11 is utime; null when the process is gone. */
    private static String[] statFields(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static long cpu(String[] fields, boolean withChildren) {
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("System property " + property + " is required");
        }
        return value;
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** CPU clock ticks of the server JVM (user, system), this JVM and the database (0 when not measured). */
    /** {@code compiler}: the part of the server's CPU spent by its JIT compiler threads. */
    private record Usage(long serverUser, long serverSystem, long compiler, long client, long database) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        long server() {
            return serverUser + serverSystem;
        }

        Usage plus(Usage other) {
            return new Usage(serverUser + other.serverUser, serverSystem + other.serverSystem,
                    compiler + other.compiler, client + other.client, database + other.database);
        }

        Usage minus(Usage other) {
            return new Usage(serverUser - other.serverUser, serverSystem - other.serverSystem,
                    compiler - other.compiler, client - other.client, database - other.database);
        }
    }

    private final class Result {

        final String label;
        final boolean encrypted;
        final int concurrency;
        final int requested;
        final Duration cap;
        final long[] startNanos;
        final long[] acsNanos;
        int done;
        boolean capped;
        long startWall;
        long acsWall;
        Usage startUsage = Usage.NONE;
        Usage acsUsage = Usage.NONE;

        Result(String label, boolean encrypted, int concurrency, int requested, Duration cap) {
            this.label = label;
            this.encrypted = encrypted;
            this.concurrency = concurrency;
            this.requested = requested;
            this.cap = cap;
            this.startNanos = new long[requested];
            this.acsNanos = new long[requested];
        }

        void add(long start, long acs) {
            startNanos[done] = start;
            acsNanos[done] = acs;
            done++;
        }

        String report() {
            if (done == 0) {
                return String.format("%s, c=%d: no sign-in within %d s", label, concurrency, cap.toSeconds());
            }
            long[] start = Arrays.copyOf(startNanos, done);
            long[] acs = Arrays.copyOf(acsNanos, done);
            long[] both = new long[done];
            for (int i = 0; i < done; i++) {
                both[i] = start[i] + acs[i];
            }
            StringBuilder line = new StringBuilder(String.format("%s, c=%d: %d sign-ins%s, %.1f logins/s, %s, server CPU %s"
                            + " ms/sign-in (start %s + acs %s)", label, concurrency, done,
                    capped ? " (of " + requested + ", capped at " + cap.toSeconds() + " s)" : "",
                    done / ((startWall + acsWall) / 1e9), percentiles(both), perSignIn(startUsage.server() + acsUsage.server()),
                    perSignIn(startUsage.server()), perSignIn(acsUsage.server())));
            line.append(String.format(", of which JIT compiling %s (without it %s)",
                    perSignIn(startUsage.compiler + acsUsage.compiler),
                    perSignIn(startUsage.server() + acsUsage.server() - startUsage.compiler - acsUsage.compiler)));
            if (!databasePid.isEmpty()) {
                line.append(String.format(", PostgreSQL CPU %s ms/sign-in (start %s + acs %s)",
                        perSignIn(startUsage.database + acsUsage.database), perSignIn(startUsage.database),
                        perSignIn(acsUsage.database)));
            }
            line.append(phase("start", start, startWall, startUsage)).append(phase("acs", acs, acsWall, acsUsage));
            return line.toString();
        }

        private String phase(String name, long[] nanos, long wall, Usage usage) {
            return String.format("%n    %-5s %5.1f s, %6.1f/s, %s, server CPU %s ms/sign-in (user %s, system %s,"
                            + " JIT compiling %s), bench client CPU %s", name, wall / 1e9, done / (wall / 1e9),
                    percentiles(nanos), perSignIn(usage.server()), perSignIn(usage.serverUser),
                    perSignIn(usage.serverSystem), perSignIn(usage.compiler), perSignIn(usage.client));
        }

        private String perSignIn(long ticks) {
            return String.format("%.1f", ticks * 1000.0 / clockTicks / done);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "p50 " + millis(sorted, 0.50) + " ms, p90 " + millis(sorted, 0.90) + " ms, p99 " + millis(sorted, 0.99)
                + " ms";
    }

    /** Nearest rank, as {@link WriteLoad} reports its percentiles. */
    private static String millis(long[] sorted, double quantile) {
        double millis = sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        return millis < 10 ? String.format("%.1f", millis) : String.format("%.0f", millis);
    }
}
