package org.openenvelope.recipient;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openenvelope.cluster.ScheduledRuns;

/** Hourly: mailed secrets and viewer sessions are deleted a day after they ended, leaving the audit log as the record. */
@Singleton
@DependsOn("DatabaseMigration")
public class RecipientHousekeeping {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    /** Claims each run for one node of a cluster. */
    @Inject
    ScheduledRuns runs;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "23", persistent = false)
    void scheduled() {
        if (runs.claim("recipient-housekeeping", Duration.ofHours(1))) {
            deleteEnded();
        }
    }

    public void deleteEnded() {
        Instant before = clock.instant().minus(KEPT_AFTER_EXPIRY);
        em.createNamedQuery(RecipientChallenge.DELETE_ENDED_BEFORE).setParameter("before", before).executeUpdate();
        em.createNamedQuery(RecipientSession.DELETE_ENDED_BEFORE).setParameter("before", before).executeUpdate();
    }
}
