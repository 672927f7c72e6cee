package org.openenvelope.envelope;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.cluster.ScheduledRuns;
import org.openenvelope.operations.ServiceLog;

/**
 * Destroys the keys of envelopes that expired longer ago than {@code openenvelope.envelope.expired-key-grace-days}
 * (in which the sender could still extend them): crypto-shredding, after which no copy opens again. Harmless when
 * several nodes run it.
 */
@Singleton
@DependsOn("DatabaseMigration")
public class EnvelopeHousekeeping {

    private static final Logger LOG = ServiceLog.logger(EnvelopeHousekeeping.class);

    /** Claims each run for one node of a cluster. */
    @Inject
    ScheduledRuns runs;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "openenvelope.envelope.expired-key-grace-days", defaultValue = "30")
    long graceDays;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void scheduled() {
        if (runs.claim("envelope-key-expiry", Duration.ofHours(1))) {
            destroyExpiredKeys();
        }
    }

    public void destroyExpiredKeys() {
        Instant now = clock.instant();
        Duration grace = Duration.ofDays(graceDays);
        List<Envelope> due = em.createNamedQuery(Envelope.KEYS_EXPIRED_BEFORE, Envelope.class)
                .setParameter("before", now.minus(grace)).setMaxResults(1000).getResultList();
        for (Envelope envelope : due) {
            envelope.destroyKey(KeyDestruction.EXPIRED, now);
            audit.recordAs("housekeeping", AuditAction.ENVELOPE_KEY_DESTROYED, envelope.getAccount().getNumber(),
                    "Destroyed the key of envelope " + envelope.getPublicId() + ", expired " + envelope.getExpiresAt());
        }
        if (!due.isEmpty()) {
            LOG.info(() -> "Destroyed the keys of " + due.size() + " envelope(s) expired for good");
        }
    }
}
