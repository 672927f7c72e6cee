package org.openenvelope.saml;

import java.time.Instant;
import java.util.List;

/** An account's SP as the portal and the API show it; never any private key. */
public record ServiceProviderView(String entityId, boolean customEntityId, String metadataUrl, String loginUrl,
                                  String assertionConsumerUrl, String singleLogoutUrl, List<Key> keys) {

    public record Key(long id, KeyStatus status, KeyOrigin origin, CertificateView certificate, Instant createdAt,
                      Instant activatedAt) {
    }

    static ServiceProviderView of(ServiceProvider provider, SamlEndpoints endpoints) {
        return new ServiceProviderView(provider.entityId(endpoints.defaultEntityId()), provider.hasCustomEntityId(),
                endpoints.metadata(), endpoints.login(), endpoints.assertionConsumer(), endpoints.singleLogout(),
                provider.getKeys().stream().map(key -> new Key(key.getId(), key.getStatus(), key.getOrigin(),
                        CertificateView.of(key.certificate()), key.getCreatedAt(), key.getActivatedAt())).toList());
    }
}
