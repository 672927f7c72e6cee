package org.openenvelope.database;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.api.ErrorCode;
import org.openenvelope.operations.ServiceLog;

/**
 * What happens when the service cannot start because of its database (locked by another server, unreachable,
 * set up to lose commits, schema not migratable): the reason is logged in one clear sentence and the deployment
 * fails. On Payara Micro, whose process exists only to run this application, the process then exits with status
 * 1, so that an operator, a service manager or a container orchestrator sees a failed start instead of a server
 * answering 404. Once started, the same failures are outages (HTTP 503), not reasons to stop.
 */
public final class StartupRefusal {

    private static final Logger LOG = ServiceLog.logger(StartupRefusal.class);
    /** Lets the failed deployment finish before the shutdown hooks run. */
    private static final Duration BEFORE_EXIT = Duration.ofSeconds(2);
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(60);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean REFUSED = new AtomicBoolean();

    private StartupRefusal() {
    }

    /** The database is open, checked and migrated: failures from now on are outages. */
    static void started() {
        STARTED.set(true);
    }

    /**
     * A connection to the database could not be opened. The container's JPA deployment opens the first one,
     * before any application code runs, so this is where a start fails first. Refuses the start if it has not
     * happened yet; returns {@code failure} for the caller to throw either way.
     */
    static SQLException connectionFailed(SQLException failure) {
        if (!STARTED.get()) {
            refuse(failure);
        }
        return failure;
    }

    /** Refuses the start because of {@code failure}; returns what to throw. */
    static IllegalStateException refuse(Throwable failure) {
        return refuse(reason(failure), failure);
    }

    /** Refuses the start for a reason other than the database's, said in one sentence; returns what to throw. */
    public static IllegalStateException refuse(String reason) {
        return refuse(reason, null);
    }

    private static IllegalStateException refuse(String reason, Throwable failure) {
        if (REFUSED.compareAndSet(false, true)) {
            LOG.severe(reason);
            if (onPayaraMicro()) {
                LOG.severe("Payara Micro exits because OpenEnvelope could not start");
                new DelayedExit("openenvelope-refused-start", BEFORE_EXIT, false).start();
                new DelayedExit("openenvelope-refused-start-limit", BEFORE_EXIT.plus(EXIT_LIMIT), true).start();
            }
        }
        return new IllegalStateException(reason, failure);
    }

    private static String reason(Throwable failure) {
        Config config = ConfigProvider.getConfig(StartupRefusal.class.getClassLoader());
        DatabaseSettings settings = DatabaseSettings.from(config);
        if (lockedByAnotherProcess(failure)) {
            if (config.getOptionalValue(DatabaseSettings.URL, String.class).isEmpty()) {
                Path dataDir = Path.of(config.getValue(DatabaseSettings.DATA_DIR, String.class)).toAbsolutePath()
                        .normalize();
                return "OpenEnvelope does not start: the data directory " + dataDir + " is in use by another"
                        + " OpenEnvelope server (its database " + DatabaseSettings.embeddedDatabase(dataDir)
                        + ".mv.db is locked). Stop that server first, or start this one with another "
                        + DatabaseSettings.DATA_DIR + ".";
            }
            return "OpenEnvelope does not start: the database " + settings.describe() + " is in use by another"
                    + " process (H2 allows one). Stop it first, or use H2's server mode or PostgreSQL.";
        }
        return "OpenEnvelope does not start: the database " + settings.describe() + " cannot be used: "
                + failure.getMessage();
    }

    private static boolean lockedByAnotherProcess(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    && sql.getClass().getName().startsWith("org.h2.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean onPayaraMicro() {
        return ClassLoader.getSystemClassLoader().getResource("fish/payara/micro/PayaraMicro.class") != null;
    }

    /**
     * Exits (or, if the shutdown hangs, halts) the process after a delay. It runs after the failed deployment has
     * closed the application's class loader, through which no class can be loaded any more, so it refers only to
     * what is resolved when it is made: its superclass {@code Thread} and the {@code Runtime} it holds.
     */
    private static final class DelayedExit extends Thread {

        private final Runtime runtime = Runtime.getRuntime();
        private final long delayMillis;
        private final boolean halt;

        DelayedExit(String name, Duration delay, boolean halt) {
            super(name);
            this.delayMillis = delay.toMillis();
            this.halt = halt;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (halt) {
                runtime.halt(1);
            } else {
                runtime.exit(1);
            }
        }
    }
}
