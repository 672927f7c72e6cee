package org.openenvelope.administrator;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.openenvelope.cluster.ScheduledRuns;

/** Hourly, on one node of a cluster: forgets unknown addresses not tried for a day and no longer paused. */
@Singleton
@DependsOn("DatabaseMigration")
public class SignInHousekeeping {

    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    @Inject
    ScheduledRuns runs;

    @Inject
    UnknownAddressPauses unknownPauses;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "47", persistent = false)
    void scheduled() {
        if (runs.claim("administrator-sign-in-housekeeping", Duration.ofHours(1))) {
            unknownPauses.purge(clock.instant().minus(FORGOTTEN_AFTER));
        }
    }
}
