package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.testing.TestAccounts;

class ProfileEntryTest {

    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    private static final String TOKEN = "k3nq9x2m4v7b8c1d5f6g0h2j3l4p5r6s";
    private final Account account = TestAccounts.account();

    @Test
    void storesTheNormalisedValueWithWhoAndWhen() {
        ProfileEntry entry = new ProfileEntry(account, ProfileEntryType.DOMAIN, "  Bücher.DE ", "admin@example.com", NOW, TOKEN);

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
                () -> new ProfileEntry(account, ProfileEntryType.DOMAIN, "bad..domain", "admin@example.com", NOW, TOKEN));
        assertEquals("has an empty label (two dots in a row, or a leading dot)", refused.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> new ProfileEntry(account, ProfileEntryType.EMAIL_ADDRESS, "example.com", "admin@example.com", NOW, TOKEN));
    }

    @Test
    void requiresAccountTypeAuthorAndTime() {
        assertEquals("account", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(null, ProfileEntryType.DOMAIN, "example.com", "a@example.com", NOW, TOKEN)).getMessage());
        assertEquals("type", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(account, null, "example.com", "a@example.com", NOW, TOKEN)).getMessage());
        assertEquals("createdBy", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(account, ProfileEntryType.DOMAIN, "example.com", null, NOW, TOKEN)).getMessage());
        assertEquals("createdAt", assertThrows(NullPointerException.class,
                () -> new ProfileEntry(account, ProfileEntryType.DOMAIN, "example.com", "a@example.com", null, TOKEN))
                .getMessage());
    }

    @Test
    void startsUnverifiedWithItsOwnTxtRecordAndIsVerifiedOnce() {
        ProfileEntry entry = new ProfileEntry(account, ProfileEntryType.EMAIL_ADDRESS, "Desk@Example.COM", "a@example.com",
                NOW, TOKEN);
        assertFalse(entry.isVerified());
        assertEquals(DomainVerification.UNVERIFIED, entry.getVerification());
        assertEquals("example.com", entry.verificationDomain(), "an address is proved at its domain");
        assertEquals(Optional.of("openenvelope-verification=" + TOKEN), entry.txtRecord());

        entry.verify(DomainVerification.DNS, "a@example.com", NOW);
        assertTrue(entry.isVerified());
        assertEquals("a@example.com", entry.getVerifiedBy());
        assertEquals(NOW, entry.getVerifiedAt());

        entry.verify(DomainVerification.ADMINISTRATOR, "root@example.com", NOW.plusSeconds(60));
        assertEquals(DomainVerification.DNS, entry.getVerification(), "the first proof stands");
        assertEquals("a@example.com", entry.getVerifiedBy());
        assertThrows(IllegalArgumentException.class, () -> new ProfileEntry(account, ProfileEntryType.DOMAIN,
                "example.org", "a@example.com", NOW, TOKEN).verify(DomainVerification.UNVERIFIED, "x", NOW));
    }
}
