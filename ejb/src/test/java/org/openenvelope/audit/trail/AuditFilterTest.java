package org.openenvelope.audit.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

class AuditFilterTest {

    @Test
    void aDateIsAWholeUtcDayAndAnInstantIsItself() {
        AuditFilter days = AuditFilter.of(" Admin@Example.com ", "sign-in.failed", "2026-12-01", "2026-12-07");
        assertEquals("admin@example.com", days.actor());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), days.from());
        assertEquals(Instant.parse("2026-12-08T00:00:00Z"), days.until(), "until a date includes that day");
        AuditFilter instants = AuditFilter.of(null, "", "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z");
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), instants.until());
        assertTrue(AuditFilter.of(" ", null, "", null).isEmpty());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        RejectedValuesException refused = assertThrows(RejectedValuesException.class,
                () -> AuditFilter.of(null, "sign-in.maybe", "last week", "2026-13-01"));
        assertEquals(List.of("action", "from", "until"), refused.problems().stream().map(ValueProblem::field).toList());
        assertEquals("until", assertThrows(RejectedValuesException.class,
                () -> AuditFilter.of(null, null, "2026-12-07", "2026-12-06")).problems().get(0).field());
    }

    @Test
    void theActionsOfferedAreTheCodesThereAre() {
        assertTrue(AuditFilter.actions().contains("account.branding-changed"));
        assertTrue(AuditFilter.actions().contains("sign-in.failed"));
    }
}
