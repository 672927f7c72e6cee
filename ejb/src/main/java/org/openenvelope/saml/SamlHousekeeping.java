package org.openenvelope.saml;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.openenvelope.cluster.ScheduledRuns;
import org.openenvelope.operations.ServiceLog;

/** Forgets what can no longer matter: expired assertions and requests. Harmless when several nodes run it. */
@Singleton
@DependsOn("DatabaseMigration")
public class SamlHousekeeping {

    private static final Logger LOG = ServiceLog.logger(SamlHousekeeping.class);

    /** Claims each run for one node of a cluster. */
    @Inject
    ScheduledRuns runs;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void scheduled() {
        if (runs.claim("saml-housekeeping", Duration.ofMinutes(15))) {
            purgeExpired();
        }
    }

    public void purgeExpired() {
        Instant now = clock.instant();
        int assertions = em.createNamedQuery(SeenAssertion.PURGE).setParameter("before", now).executeUpdate();
        int requests = em.createNamedQuery(OutstandingRequest.PURGE)
                .setParameter("before", now.minus(Duration.ofHours(1))).executeUpdate();
        if (assertions + requests > 0) {
            LOG.fine(() -> "Purged " + assertions + " expired assertion ids and " + requests + " expired requests");
        }
    }
}
