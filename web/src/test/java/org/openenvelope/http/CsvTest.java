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

    @Test
    void rowsKnowTheLineTheyStartOnWhateverTheLineBreaks() {
        List<Csv.Row> rows = Csv.rows("a\r\n\r\n\"two\nlines\",x\rb\n\n  \nc");
        assertEquals(List.of(1, 3, 5, 8), rows.stream().map(Csv.Row::line).toList());
        assertEquals(List.of("two\nlines", "x"), rows.get(1).cells());
    }

    @Test
    void aColumnIsTakenByItsHeaderElseTheFirstColumnOfEveryRow() {
        assertEquals(List.of(new Csv.Cell(2, "jane@example.com"), new Csv.Cell(4, "bob")),
                Csv.column("\uFEFFOrigin;Federation ID\nADMINISTRATOR;jane@example.com\nJUST_IN_TIME;\nX; bob \n",
                        "federation_id"));
        assertEquals(List.of(new Csv.Cell(1, "jane@example.com"), new Csv.Cell(3, "bob")),
                Csv.column("jane@example.com\n\nbob,ignored\n", "federation_id"));
        assertEquals(List.of(), Csv.column("  \n", "value"));
    }

    @Test
    void aDefusedCellReadsBackAsItWasWritten() {
        String written = Csv.row("value") + Csv.row("-svc-backup") + Csv.row("'quoted");
        assertEquals(List.of("-svc-backup", "'quoted"), Csv.column(written, "value").stream().map(Csv.Cell::value)
                .toList());
    }
}
