package org.openenvelope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditExportTest {

    @Test
    void cellsAreQuotedAndQuotesDoubled() {
        assertEquals("\"Renamed \"\"Acme\"\" to Acme Ltd, 2 changes\"", AuditExport.cell("Renamed \"Acme\" to Acme Ltd, 2 changes"));
        assertEquals("\"\"", AuditExport.cell(null));
        assertEquals("\"two\r\nlines\"", AuditExport.cell("two\r\nlines"));
    }

    @Test
    void whatASpreadsheetWouldTakeForAFormulaIsDefused() {
        for (String formula : new String[] {"=HYPERLINK(\"http://evil.example\")", "+1+1", "-2", "@SUM(A1)", "\tx"}) {
            assertEquals("\"'" + formula.replace("\"", "\"\"") + "\"", AuditExport.cell(formula), formula);
        }
    }

    @Test
    void formatsAreCsvAndJsonLinesOnly() {
        assertEquals(AuditExport.CSV, AuditExport.of(" CSV ").orElseThrow());
        assertEquals(AuditExport.JSONL, AuditExport.of("jsonl").orElseThrow());
        assertEquals(java.util.Optional.empty(), AuditExport.of("xml"));
        assertEquals(true, AuditExport.CSV.fileName("1234\r\n5678").matches("audit-12345678-\\d{4}-\\d{2}-\\d{2}\\.csv"));
    }
}
