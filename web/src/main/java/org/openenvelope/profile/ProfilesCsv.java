package org.openenvelope.profile;

import java.util.List;
import org.openenvelope.http.Csv;
import org.openenvelope.http.CsvDownload;

/**
 * The Profiles list as CSV, out and in: the export has a row per domain or address with its verification and TXT
 * record; an import takes the {@code value} column of such a file, or the first column of any other list.
 */
public final class ProfilesCsv {

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
        return Csv.column(csv, "value").stream().map(Csv.Cell::value).toList();
    }

    public static String fileName(String accountNumber) {
        return CsvDownload.fileName("profiles", accountNumber);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
