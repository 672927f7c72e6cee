package org.openenvelope.security;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.openenvelope.cluster.ScheduledRuns;
import org.openenvelope.operations.ServiceLog;

/** Deletes shared rate-limit buckets that are full again, hourly, on one node of a cluster. */
@Singleton
@DependsOn("DatabaseMigration")
public class RateLimitHousekeeping {

    private static final Logger LOG = ServiceLog.logger(RateLimitHousekeeping.class);

    @Inject
    ScheduledRuns runs;

    @Inject
    SharedRateLimits shared;

    @Schedule(hour = "*", minute = "37", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        if (shared.active() && runs.claim("rate-limit-housekeeping", Duration.ofHours(1))) {
            int removed = shared.removeExpired();
            LOG.fine(() -> "Deleted " + removed + " rate-limit buckets that were full again");
        }
    }
}
