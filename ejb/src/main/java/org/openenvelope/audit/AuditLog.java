package org.openenvelope.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CurrentCaller;

/**
 * Writes audit events in the caller's transaction: a change and its audit entry are committed together or
 * not at all, so the log never claims a change that was rolled back, nor misses one that happened.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RequestOrigin origin;

    @Inject
    Clock clock;

    /** Records a change made by the current caller. */
    public void record(AuditAction action, String accountNumber, String detail) {
        Caller caller = currentCaller.get();
        recordAs(caller.getName(), action, accountNumber, detail);
    }

    /** Records an event whose actor is not (yet) a signed-in caller: sign-in attempts, the service itself. */
    public void recordAs(String actor, AuditAction action, String accountNumber, String detail) {
        em.persist(new AuditEvent(Instant.now(clock), actor, accountNumber, action.code(), detail, sourceAddress()));
    }

    private String sourceAddress() {
        try {
            return origin.address();
        } catch (ContextNotActiveException startupWithoutRequest) {
            return null;
        }
    }
}
