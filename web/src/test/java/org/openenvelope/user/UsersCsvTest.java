package org.openenvelope.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersCsvTest {

    private static final Instant ADDED = Instant.parse("2026-12-01T09:00:00Z");

    private static UserView user(String federationId, boolean passwordSet, boolean oneTime, Instant lastSignIn) {
        return new UserView(1, federationId, UserOrigin.ADMINISTRATOR, ADDED, "admin@example.com", lastSignIn,
                passwordSet, oneTime, 2, !federationId.contains("example.com"));
    }

    @Test
    void theExportHasWhatTheListShowsButNeverAPassword() {
        String csv = UsersCsv.export(List.of(user("jane@example.com", true, true, null),
                user("=bob@elsewhere.example", false, false, Instant.parse("2026-12-02T10:00:00Z"))));
        assertEquals(List.of("\"federation_id\",\"origin\",\"created_at\",\"created_by\",\"last_sign_in_at\","
                        + "\"password\",\"addin_sessions\",\"outside_verified_domains\"",
                "\"jane@example.com\",\"ADMINISTRATOR\",\"2026-12-01T09:00:00Z\",\"admin@example.com\",\"\","
                        + "\"ONE_TIME\",\"2\",\"false\"",
                "\"'=bob@elsewhere.example\",\"ADMINISTRATOR\",\"2026-12-01T09:00:00Z\",\"admin@example.com\","
                        + "\"2026-12-02T10:00:00Z\",\"NONE\",\"2\",\"true\""), csv.lines().toList());
    }

    @Test
    void anExportReadsBackAsItsFederationIdsWithTheirLines() {
        String csv = UsersCsv.export(List.of(user("jane@example.com", false, false, null),
                user("=bob@elsewhere.example", true, false, null)));
        assertEquals(List.of(new ListedUser(2, "jane@example.com"), new ListedUser(3, "=bob@elsewhere.example")),
                UsersCsv.listed(csv));
    }

    @Test
    void aListWithAnEmailHeaderOrNoHeaderIsReadByItsColumnOrFirstColumn() {
        assertEquals(List.of(new ListedUser(2, "ann@example.com"), new ListedUser(3, "Jane Doe")),
                UsersCsv.listed("Name,Email\r\nAnn,ann@example.com\r\nJane,Jane Doe\r\n"));
        assertEquals(List.of(new ListedUser(1, "ann@example.com"), new ListedUser(3, "employee-42")),
                UsersCsv.listed("ann@example.com\n\nemployee-42\n"));
    }
}
