package org.openenvelope.addin;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.cluster.ScheduledRuns;
import org.openenvelope.operations.ServiceLog;

/**
 * Forgets expired add-in sessions, and flow summaries older than {@code openenvelope.addin.flow-retention-days}
 * (the audit trail keeps how each flow ended). Harmless when several nodes run it. Every minute it also has the
 * Encrypt flows that are due resumed; the timer lives here, not on the stateless runner, so that it cannot fire
 * before the schema is migrated ({@code @DependsOn}).
 */
@Singleton
@DependsOn("DatabaseMigration")
@Lock(LockType.READ) // no state of its own: the hourly purge need not wait for a minute's flows, nor they for it
public class AddinHousekeeping {

    private static final Logger LOG = ServiceLog.logger(AddinHousekeeping.class);

    /** Claims each run for one node of a cluster. */
    @Inject
    ScheduledRuns runs;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    EncryptFlowRunner flowRunner;

    @Inject
    @ConfigProperty(name = "openenvelope.addin.flow-retention-days", defaultValue = "90")
    long flowRetentionDays;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void scheduled() {
        if (runs.claim("addin-housekeeping", Duration.ofHours(1))) {
            purgeExpired();
        }
    }

    /** Not in a transaction: a flow takes its own steps, and may take a while. */
    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void resumeEncryptFlows() {
        flowRunner.resumeDue();
    }

    public void purgeExpired() {
        Instant now = clock.instant();
        int sessions = em.createNamedQuery(AddinSession.PURGE).setParameter("before", now).executeUpdate();
        int flows = em.createNamedQuery(EncryptionFlow.PURGE)
                .setParameter("before", now.minus(Duration.ofDays(flowRetentionDays))).executeUpdate();
        if (sessions + flows > 0) {
            LOG.fine(() -> "Purged " + sessions + " expired add-in sessions and " + flows + " old flow summaries");
        }
    }
}
