package org.openenvelope.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * CSV as RFC 4180 writes it, for exports that go to spreadsheets: every field quoted, quotes doubled, CRLF between
 * rows, and a cell that a spreadsheet would take for a formula (=, +, -, @, tab, CR first) defused with a leading
 * apostrophe. And reading it back, quoted fields and all, for imports.
 */
public final class Csv {

    /** What makes a spreadsheet take a cell for a formula, at its start. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** One row, CRLF-terminated. */
    public static String row(String... cells) {
        StringBuilder row = new StringBuilder();
        for (String cell : cells) {
            if (!row.isEmpty()) {
                row.append(',');
            }
            row.append(cell(cell));
        }
        return row.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The rows of a CSV text; blank lines are left out. Separators: comma or semicolon (spreadsheets write both). */
    public static List<List<String>> parse(String text) {
        return rows(text).stream().map(Row::cells).toList();
    }

    /** A row and the line, from 1, that it starts on (a quoted cell may go on over the next lines). */
    public record Row(int line, List<String> cells) {
    }

    /** A value of an imported list and the line it is on, so that a refusal can name it. */
    public record Cell(int line, String value) {
    }

    /**
     * The values of one column of an uploaded list, blanks around them stripped, empty ones left out: the column
     * whose header (the first row) is one of {@code names}, compared ignoring case, spaces, dashes and underscores,
     * and then without that first row; else the first column of every row, for a plain list or a file without a
     * header. A leading byte order mark is ignored, and so is the apostrophe {@link #row} puts before a formula
     * character, so that an export reads back as it was.
     */
    public static List<Cell> column(String text, String... names) {
        List<Row> rows = rows(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> wanted = Arrays.stream(names).map(Csv::headerName).toList();
        List<String> header = rows.get(0).cells().stream().map(Csv::headerName).toList();
        int column = IntStream.range(0, header.size()).filter(i -> wanted.contains(header.get(i))).findFirst()
                .orElse(-1);
        List<Row> data = column >= 0 ? rows.subList(1, rows.size()) : rows;
        int taken = Math.max(column, 0);
        return data.stream().filter(row -> row.cells().size() > taken)
                .map(row -> new Cell(row.line(), undefused(row.cells().get(taken).strip())))
                .filter(cell -> !cell.value().isEmpty()).toList();
    }

    private static String headerName(String cell) {
        return cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    private static String undefused(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    /** The rows of a CSV text with their lines; blank lines are left out. */
    public static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',' || c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (any) {
                    row.add(cell.toString());
                    rows.add(new Row(rowLine, row));
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any |= !Character.isWhitespace(c);
            }
            if (lineBreak) {
                line++;
                if (!quoted) {
                    rowLine = line;
                }
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(new Row(rowLine, row));
        }
        return rows;
    }
}
