package org.openenvelope.http;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, for exports that go to spreadsheets: every field quoted, quotes doubled, CRLF between
 * rows, and a cell that a spreadsheet would take for a formula (=, +, -, @, tab, CR first) defused with a leading
 * apostrophe. And reading it back, quoted fields and all, for imports.
 */
public final class Csv {

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
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The rows of a CSV text; blank lines are left out. Separators: comma or semicolon (spreadsheets write both). */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any |= !Character.isWhitespace(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
