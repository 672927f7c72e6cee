package org.openenvelope.profile;

import java.util.List;
import java.util.Locale;
import org.openenvelope.http.Csv;

/**
 * The Profiles list as CSV, out and in: the export has a row per domain or address with its verification and TXT
 * record; an import takes the {@code value} column of such a file, or the first column of any other list.
 */
public final class ProfilesCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private ProfilesCsv() {
    }

    public static String export(List<ProfileEntryView> entries) {
        StringBuilder csv = new StringBuilder(Csv.row("type", "value", "display", "verification", "verified_at",
                "verified_by", "txt_name", "txt_value", "created_at", "created_by"));
        for (ProfileEntryView e : entries) {
            csv.append(Csv.row(e.type().name(), e.value(), e.display(), e.verification().name(), text(e.verifiedAt()),
                    e.verifiedBy(), e.txtName(), e.txtValue(), text(e.createdAt()), e.createdBy()));
        }
        return csv.toString();
    }

    /** The values an uploaded list names: its {@code value} column if its first row names one, else its first. */
    public static List<String> values(String csv) {
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int column = header.indexOf("value");
        List<List<String>> data = column >= 0 ? rows.subList(1, rows.size()) : rows;
        int taken = Math.max(column, 0);
        return data.stream().filter(r -> r.size() > taken).map(r -> r.get(taken).strip())
                .filter(v -> !v.isEmpty()).toList();
    }

    public static String fileName(String accountNumber) {
        return "profiles-" + accountNumber.replaceAll("[^0-9A-Za-z]", "") + ".csv";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
