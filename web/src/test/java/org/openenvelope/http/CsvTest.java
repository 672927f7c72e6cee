package org.openenvelope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsAreQuotedAndQuotesDoubled() {
        assertEquals("\"Renamed \"\"Acme\"\" to Acme Ltd, 2 changes\"", Csv.cell("Renamed \"Acme\" to Acme Ltd, 2 changes"));
        assertEquals("\"\"", Csv.cell(null));
        assertEquals("\"a\",\"two\r\nlines\"\r\n", Csv.row("a", "two\r\nlines"));
    }

    @Test
    void whatASpreadsheetWouldTakeForAFormulaIsDefused() {
        for (String formula : new String[] {"=HYPERLINK(\"http://evil.example\")", "+1+1", "-2", "@SUM(A1)", "\tx"}) {
            assertEquals("\"'" + formula.replace("\"", "\"\"") + "\"", Csv.cell(formula), formula);
        }
    }

    @Test
    void whatIsWrittenReadsBack() {
        String written = Csv.row("type", "value") + Csv.row("DOMAIN", "contoso.example") + "\r\n"
                + Csv.row("EMAIL", "a \"quoted\", name@example.com");
        assertEquals(List.of(List.of("type", "value"), List.of("DOMAIN", "contoso.example"),
                List.of("EMAIL", "a \"quoted\", name@example.com")), Csv.parse(written));
    }

    @Test
    void plainListsAndSemicolonsAreRowsToo() {
        assertEquals(List.of(List.of("contoso.example"), List.of("fabrikam.example", "x")),
                Csv.parse("contoso.example\n\n  \nfabrikam.example;x\n"));
    }
}
