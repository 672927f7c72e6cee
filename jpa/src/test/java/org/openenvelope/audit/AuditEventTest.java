package org.openenvelope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Instant WHEN = Instant.parse("2025-05-05T05:05:05Z");

    @Test
    void recordsWhoDidWhatWhenAndFromWhere() {
        AuditEvent event = new AuditEvent(WHEN, "root@example.com", "12345674", "account.created",
                "Created account \"Example\"", "192.0.2.1");
        assertEquals(WHEN, event.getOccurredAt());
        assertEquals("root@example.com", event.getActor());
        assertEquals("12345674", event.getAccountNumber());
        assertEquals("account.created", event.getAction());
        assertEquals("Created account \"Example\"", event.getDetail());
        assertEquals("192.0.2.1", event.getSourceAddress());
        assertNull(event.getId());
    }

    @Test
    void keepsDetailsUpToTheColumnLength() {
        String longest = "d".repeat(AuditEvent.DETAIL_MAX_LENGTH);
        assertEquals(longest, new AuditEvent(WHEN, "a", null, "x", longest, null).getDetail());
    }

    @Test
    void cutsLongerDetailsToTheColumnLengthWithAnEllipsis() {
        String detail = new AuditEvent(WHEN, "a", null, "x", "d".repeat(AuditEvent.DETAIL_MAX_LENGTH + 1), null)
                .getDetail();
        assertEquals(AuditEvent.DETAIL_MAX_LENGTH, detail.length());
        assertTrue(detail.endsWith("d…"), detail.substring(detail.length() - 5));
    }

    @Test
    void requiresTimeActorActionAndDetail() {
        assertThrows(NullPointerException.class, () -> new AuditEvent(null, "a", null, "x", "d", null));
        assertThrows(NullPointerException.class, () -> new AuditEvent(WHEN, null, null, "x", "d", null));
        assertThrows(NullPointerException.class, () -> new AuditEvent(WHEN, "a", null, null, "d", null));
        assertThrows(NullPointerException.class, () -> new AuditEvent(WHEN, "a", null, "x", null, null));
    }
}
