package org.openenvelope.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads are deadlocked: a deadlock never resolves itself, so restarting the node is the remedy.
 * Everything else that can go wrong (database, master key) is a readiness matter that a restart would not fix.
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements HealthCheck {

    static final String NAME = "deadlocks";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named(NAME).status(count == 0).withData("deadlockedThreads", count).build();
    }
}
