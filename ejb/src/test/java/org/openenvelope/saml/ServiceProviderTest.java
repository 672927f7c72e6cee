package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;

class ServiceProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static ServiceProvider provider() {
        return new ServiceProvider(new Account("12345674", "Example", NOW));
    }

    private static List<KeyStatus> statuses(ServiceProvider provider) {
        return provider.getKeys().stream().map(ServiceProviderKey::getStatus).toList();
    }

    @Test
    void rollsKeysOverNextThenActiveThenRetired() {
        ServiceProvider provider = provider();
        provider.addKey(KeyOrigin.GENERATED, TestKeys.SP.getEntityCertificate(), "v1:a", NOW);
        assertEquals(List.of(KeyStatus.ACTIVE), statuses(provider), "the first key signs at once");

        provider.addKey(KeyOrigin.UPLOADED, TestKeys.SP_NEXT.getEntityCertificate(), "v1:b", NOW);
        assertEquals(List.of(KeyStatus.ACTIVE, KeyStatus.NEXT), statuses(provider), "published before it signs");
        assertEquals(TestKeys.SP.getEntityCertificate(), provider.activeKey().orElseThrow().certificate());
        assertEquals(2, provider.publishedKeys().size());

        provider.activateNextKey(NOW);
        assertEquals(List.of(KeyStatus.PREVIOUS, KeyStatus.ACTIVE), statuses(provider), "the old key still decrypts");
        assertEquals(TestKeys.SP_NEXT.getEntityCertificate(), provider.activeKey().orElseThrow().certificate());

        provider.retirePreviousKey(NOW);
        assertEquals(List.of(KeyStatus.RETIRED, KeyStatus.ACTIVE), statuses(provider));
        assertEquals(1, provider.publishedKeys().size());
    }

    @Test
    void refusesRolloverStepsOutOfOrder() {
        ServiceProvider provider = provider();
        assertThrows(ConflictException.class, () -> provider.activateNextKey(NOW));
        provider.addKey(KeyOrigin.GENERATED, TestKeys.SP.getEntityCertificate(), "v1:a", NOW);
        assertThrows(ConflictException.class, () -> provider.retirePreviousKey(NOW));
        provider.addKey(KeyOrigin.GENERATED, TestKeys.SP_NEXT.getEntityCertificate(), "v1:b", NOW);
        assertThrows(ConflictException.class, () -> provider.addKey(KeyOrigin.GENERATED,
                TestKeys.IDP.getEntityCertificate(), "v1:c", NOW), "one next key at a time");
    }

    @Test
    void derivesTheEntityIdUntilOneIsSetAndValidatesIt() {
        ServiceProvider provider = provider();
        assertEquals("https://sp.example/saml/12345674", provider.entityId("https://sp.example/saml/12345674"));
        provider.changeEntityId(" urn:example:envelope ");
        assertTrue(provider.hasCustomEntityId());
        assertEquals("urn:example:envelope", provider.entityId("ignored"));
        provider.changeEntityId("");
        assertFalse(provider.hasCustomEntityId());
        assertEquals("entityId", assertThrows(InvalidValueException.class, () -> provider.changeEntityId("relative/path")).field());
        assertThrows(InvalidValueException.class, () -> provider.changeEntityId("https://sp.example/a b"));
    }
}
