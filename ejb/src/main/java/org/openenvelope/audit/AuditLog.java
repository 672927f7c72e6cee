package org.openenvelope.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openenvelope.operations.AfterCommit;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CurrentCaller;

/**
 * Writes audit events in the caller's transaction: a change and its audit entry are committed together or
 * not at all, so the log never claims a change that was rolled back, nor misses one that happened.
 */
@ApplicationScoped
public class AuditLog {

    /** Each event also goes to the log, at FINE: turned on where logs are collected (README, Logs). */
    private static final Logger LOG = ServiceLog.logger(AuditLog.class);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RequestOrigin origin;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    /** Records a change made by the current caller. */
    public void record(AuditAction action, String accountNumber, String detail) {
        Caller caller = currentCaller.get();
        recordAs(caller.getName(), action, accountNumber, detail);
    }

    /** Records an event whose actor is not (yet) a signed-in caller: sign-in attempts, the service itself. */
    public void recordAs(String actor, AuditAction action, String accountNumber, String detail) {
        em.persist(new AuditEvent(Instant.now(clock), actor, accountNumber, action.code(), detail, sourceAddress()));
        if (LOG.isLoggable(Level.FINE)) {
            afterCommit.run(() -> ServiceLog.event(LOG, Level.FINE, action.code(), accountNumber, () -> actor + ": " + detail));
        }
    }

    private String sourceAddress() {
        try {
            return origin.address();
        } catch (ContextNotActiveException startupWithoutRequest) {
            return null;
        }
    }
}
