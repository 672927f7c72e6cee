package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.metadata.MetadataUrl;

class MetadataSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String URL = "https://adfs.example.com/FederationMetadata/2007-06/FederationMetadata.xml";

    private static String refused(String url) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> MetadataUrl.valid(url));
        assertEquals("metadataUrl", refused.field());
        return refused.getMessage();
    }

    @Test
    void onlyAbsoluteHttpsUrlsWithoutCredentialsAreAccepted() {
        assertEquals(URL, MetadataUrl.valid("  " + URL + " "));
        assertTrue(refused("http://adfs.example.com/metadata.xml").contains("https://"));
        assertTrue(refused("https:///no-host").contains("https://"));
        assertTrue(refused("https://admin:secret@adfs.example.com/m.xml").contains("user name or password"));
        assertTrue(refused("").contains("Enter the https URL"));
        assertTrue(refused("https://adfs.example.com/" + "x".repeat(MetadataUrl.MAX_LENGTH)).contains("longer than"));
    }

    @Test
    void aUrlIsRefreshedDailyUnlessToldOtherwiseWithinAWeek() {
        assertEquals(24, new MetadataSource(URL, false, List.of(), null).refreshHours());
        assertEquals(1, new MetadataSource(URL, false, List.of(), 1).refreshHours());
        InvalidValueException tooRare = assertThrows(InvalidValueException.class, () -> new MetadataSource(URL, false, List.of(), 169));
        assertEquals("refreshHours", tooRare.field());
        assertThrows(InvalidValueException.class, () -> new MetadataSource(URL, false, List.of(), 0));
        assertNull(MetadataSource.file(false, List.of()).refreshHours(), "a file is never refreshed");
        assertEquals(ConfigurationSource.METADATA_FILE, MetadataSource.file(true, List.of()).configurationSource());
    }

    @Test
    void onlyTheConfigurationInForceIsRefreshedAndOnlyOnceItsIntervalHasPassed() {
        Account account = new Account("12345674", "Refresh", NOW);
        IdentityProviderSettings settings = new IdentityProviderSettings("https://sts.example/", "https://sts.example/sso",
                SamlBinding.HTTP_REDIRECT, true, null, null, 60, false, false, false, null, null, null,
                List.of(TestKeys.IDP.getEntityCertificate()));
        IdentityProvider draft = IdentityProvider.draft(account, "primary", NOW, settings, "admin", NOW);
        draft.readFromMetadata(new MetadataSource(URL, true, List.of(TestKeys.IDP_NEXT.getEntityCertificate()), 6),
                "VERIFIED", null, false, NOW);
        assertFalse(draft.metadataRefreshDue(NOW.plus(Duration.ofDays(30))), "drafts are the administrator's");

        IdentityProvider active = IdentityProvider.activeFrom(draft, "admin", NOW);
        assertFalse(active.metadataRefreshDue(NOW.plus(Duration.ofHours(6)).minusSeconds(1)));
        assertTrue(active.metadataRefreshDue(NOW.plus(Duration.ofHours(6))));
        MetadataSource kept = active.metadataSource();
        assertEquals(URL, kept.url());
        assertTrue(kept.moreSecure());
        assertEquals(List.of(TestKeys.IDP_NEXT.getEntityCertificate()), kept.anchors(), "more secure mode keeps its anchors");

        active.metadataRefreshFailed("x".repeat(5000), NOW.plus(Duration.ofHours(6)));
        assertEquals(2000, active.getMetadataProblem().length(), "a long problem fits its column");
        assertFalse(active.metadataRefreshDue(NOW.plus(Duration.ofMinutes(6 * 60 + 59))));
        assertTrue(active.metadataRefreshDue(NOW.plus(Duration.ofHours(7))), "after a failure it is tried again within the hour");
        active.metadataChecked(NOW.plus(Duration.ofHours(12)));
        assertNull(active.getMetadataProblem());
    }
}
