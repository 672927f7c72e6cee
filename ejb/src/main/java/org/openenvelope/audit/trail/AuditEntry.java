package org.openenvelope.audit.trail;

import java.time.Instant;
import org.openenvelope.audit.AuditEvent;

/** An audit event as pages and the API show it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String accountNumber, String action,
                         String detail, String sourceAddress) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.getId(), event.getOccurredAt(), event.getActor(), event.getAccountNumber(),
                event.getAction(), event.getDetail(), event.getSourceAddress());
    }
}
