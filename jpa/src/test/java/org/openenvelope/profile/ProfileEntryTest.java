package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.testing.TestAccounts;

class ProfileEntryTest {

    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    private final Account account = TestAccounts.account();

    @Test
    void storesTheNormalisedValueWithWhoAndWhen() {
        ProfileEntry entry = new ProfileEntry(account, ProfileEntryType.DOMAIN, "  Bücher.DE ", "admin@example.com", NOW);

        assertSame(account, entry.getAccount());
        assertEquals(ProfileEntryType.DOMAIN, entry.getType());
        assertEquals("xn--bcher-kva.de", entry.getValue());
        assertEquals("admin@example.com", entry.getCreatedBy());
        assertEquals(NOW, entry.getCreatedAt());
        assertNull(entry.getId(), "ids are assigned by the database sequence");
    }

    @Test
    void neverHoldsAValueItsTypeRefuses() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ProfileEntry(account, ProfileEntryType.DOMAIN, "bad..domain", "admin@example.com", NOW));
        assertEquals("has an empty label (two dots in a row, or a leading dot)", refused.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> new ProfileEntry(account, ProfileEntryType.EMAIL_ADDRESS, "example.com", "admin@example.com", NOW));
    }

    @Test
    void requiresAccountTypeAuthorAndTime() {
        assertEquals("account", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(null, ProfileEntryType.DOMAIN, "example.com", "a@example.com", NOW)).getMessage());
        assertEquals("type", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(account, null, "example.com", "a@example.com", NOW)).getMessage());
        assertEquals("createdBy", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(account, ProfileEntryType.DOMAIN, "example.com", null, NOW)).getMessage());
        assertEquals("createdAt", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(account, ProfileEntryType.DOMAIN, "example.com", "a@example.com", null))
                .getMessage());
    }
}
