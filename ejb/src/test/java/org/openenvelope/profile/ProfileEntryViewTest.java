package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;

class ProfileEntryViewTest {

    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    private static final Account ACCOUNT = new Account("12345674", "Example Ltd", NOW);

    /** A stored entry: the database assigns ids, so the test does what it would. */
    private static ProfileEntry stored(ProfileEntryType type, String value) throws ReflectiveOperationException {
        ProfileEntry entry = new ProfileEntry(ACCOUNT, type, value, "admin@example.com", NOW, "0123456789abcdef0123456789abcdef");
        Field id = ProfileEntry.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(entry, 77L);
        return entry;
    }

    @Test
    void showsDomainsInUnicodeButKeepsThePunycodeValue() throws ReflectiveOperationException {
        ProfileEntryView view = ProfileEntryView.of(stored(ProfileEntryType.DOMAIN, "Bücher.de"));
        assertEquals(77, view.id());
        assertEquals("xn--bcher-kva.de", view.value());
        assertEquals("bücher.de", view.display());
        assertEquals("admin@example.com", view.createdBy());
        assertEquals(NOW, view.createdAt());
    }

    @Test
    void showsTheDomainOfAddressesInUnicodeAndTheLocalPartUnchanged() throws ReflectiveOperationException {
        ProfileEntryView view = ProfileEntryView.of(stored(ProfileEntryType.EMAIL_ADDRESS, "Info.Desk@Bücher.de"));
        assertEquals("info.desk@xn--bcher-kva.de", view.value());
        assertEquals("info.desk@bücher.de", view.display());
    }

    @Test
    void asciiValuesDisplayAsStored() throws ReflectiveOperationException {
        assertEquals("mail.example.com", ProfileEntryView.of(stored(ProfileEntryType.DOMAIN, "mail.example.com")).display());
        assertEquals("a@example.com", ProfileEntryView.of(stored(ProfileEntryType.EMAIL_ADDRESS, "a@example.com")).display());
    }

    @Test
    void showsWhereAndWhatToPublishUntilVerified() throws ReflectiveOperationException {
        ProfileEntry entry = stored(ProfileEntryType.EMAIL_ADDRESS, "Desk@Bücher.de");
        ProfileEntryView unverified = ProfileEntryView.of(entry);
        assertEquals(DomainVerification.UNVERIFIED, unverified.verification());
        assertEquals("xn--bcher-kva.de", unverified.txtName(), "an address is proved at its domain, in DNS's spelling");
        assertEquals("openenvelope-verification=0123456789abcdef0123456789abcdef", unverified.txtValue());
        assertFalse(unverified.verified());

        entry.verify(DomainVerification.ADMINISTRATOR, "root@example.com", NOW);
        ProfileEntryView verified = ProfileEntryView.of(entry);
        assertTrue(verified.verified());
        assertEquals("root@example.com", verified.verifiedBy());
        assertEquals(NOW, verified.verifiedAt());
    }
}
