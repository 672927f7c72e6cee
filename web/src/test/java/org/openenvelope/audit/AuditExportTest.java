package org.openenvelope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    @Test
    void formatsAreCsvAndJsonLinesOnly() {
        assertEquals(AuditExport.CSV, AuditExport.of(" CSV ").orElseThrow());
        assertEquals(AuditExport.JSONL, AuditExport.of("jsonl").orElseThrow());
        assertEquals(Optional.empty(), AuditExport.of("xml"));
        assertTrue(AuditExport.CSV.fileName("1234\r\n5678").matches("audit-12345678-\\d{4}-\\d{2}-\\d{2}\\.csv"));
    }
}
