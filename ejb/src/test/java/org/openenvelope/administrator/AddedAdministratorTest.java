package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openenvelope.security.AdministratorRole;

class AddedAdministratorTest {

    @Test
    void toStringNeverShowsTheInitialPassword() {
        AddedAdministrator added = new AddedAdministrator(new AdministratorView(3, "ada@example.com", "Ada",
                AdministratorRole.ACCOUNT, Instant.parse("2025-04-01T10:00:00Z"), null, true, false), "Xk3vPq9RmT7wYz2Hn4Lc");
        assertFalse(added.toString().contains("Xk3vPq9RmT7wYz2Hn4Lc"), added.toString());
        assertTrue(added.toString().contains("initialPassword=(hidden)"));
        assertTrue(added.toString().contains("ada@example.com"));
    }
}
