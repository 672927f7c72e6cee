package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileEntryTypeTest {

    @Test
    void normalisesDomainsToLowerCasePunycodeWithoutTrailingDot() {
        assertEquals("xn--bcher-kva.de", ProfileEntryType.DOMAIN.normalise(" Bücher.DE. "));
    }

    @Test
    void normalisesEmailAddressesToLowerCaseWithPunycodeDomain() {
        assertEquals("info@xn--bcher-kva.de", ProfileEntryType.EMAIL_ADDRESS.normalise("Info@Bücher.de"));
    }

    @Test
    void domainsRefuseEmailAddressesAndAddressesRefuseDomains() {
        assertEquals("is an email address, not a domain", assertThrows(IllegalArgumentException.class,
                () -> ProfileEntryType.DOMAIN.normalise("info@example.com")).getMessage());
        assertEquals("has no @", assertThrows(IllegalArgumentException.class,
                () -> ProfileEntryType.EMAIL_ADDRESS.normalise("example.com")).getMessage());
    }

    @Test
    void labelsNameTheTypeForPeople() {
        assertEquals("Domain", ProfileEntryType.DOMAIN.label());
        assertEquals("Email address", ProfileEntryType.EMAIL_ADDRESS.label());
    }
}
