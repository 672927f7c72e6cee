package org.openenvelope.user;

import java.util.List;
import org.openenvelope.http.Csv;
import org.openenvelope.http.CsvDownload;

/**
 * The Users list as CSV, out and in: the export has a row per user with what the Users page shows of them (never a
 * password, only whether there is one); an import takes the {@code federation_id} column of such a file (or one
 * headed {@code email} or {@code user name}), or the first column of a list without a header.
 */
public final class UsersCsv {

    /** The headers an import recognises its federation ID column by, the export's first. */
    private static final String[] ID_HEADERS = {"federation_id", "email", "user name"};

    private UsersCsv() {
    }

    public static String export(List<UserView> users) {
        StringBuilder csv = new StringBuilder(Csv.row(ID_HEADERS[0], "origin", "created_at", "created_by",
                "last_sign_in_at", "password", "addin_sessions", "outside_verified_domains"));
        for (UserView u : users) {
            csv.append(Csv.row(u.federationId(), u.origin().name(), text(u.createdAt()), u.createdBy(),
                    text(u.lastSignInAt()), password(u), String.valueOf(u.addinSessions()),
                    String.valueOf(u.outsideVerifiedDomains())));
        }
        return csv.toString();
    }

    /** The federation IDs an uploaded list names, each with its line in the file. */
    public static List<ListedUser> listed(String csv) {
        return Csv.column(csv, ID_HEADERS).stream().map(cell -> new ListedUser(cell.line(), cell.value())).toList();
    }

    public static String fileName(String accountNumber) {
        return CsvDownload.fileName("users", accountNumber);
    }

    /** Whether the user has a user-portal password, and whether it is a one-time one; never the password. */
    private static String password(UserView user) {
        return !user.passwordSet() ? "NONE" : user.mustChangePassword() ? "ONE_TIME" : "SET";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
