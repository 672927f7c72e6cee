package org.openenvelope.saml;

import java.time.Instant;
import java.util.List;
import org.openenvelope.saml.binding.SamlBinding;

/**
 * An account's identity provider configuration (active or draft) as the portal and the API show it.
 *
 * @param signAuthnRequests           whether AuthnRequests to it are signed
 * @param metadataWantsSignedRequests whether its metadata, as last read, accepts only signed AuthnRequests; null
 *                                    when entered by hand (or imported before this was kept)
 */
public record IdentityProviderView(IdpStage stage, String entityId, String ssoUrl, SamlBinding ssoBinding,
                                   boolean signAuthnRequests, String sloUrl, SamlBinding sloBinding,
                                   int clockSkewSeconds, boolean allowSha1, boolean allowIdpInitiated, boolean justInTimeUsers, String alternateEmailAttribute,
                                   FederationIdSource federationIdSource, String federationIdAttribute,
                                   List<CertificateView> certificates, ConfigurationSource source, String metadataUrl,
                                   String metadataSignature, Instant metadataValidUntil, Instant metadataReadAt,
                                   Integer metadataRefreshHours, Instant metadataCheckedAt, String metadataProblem,
                                   Boolean metadataWantsSignedRequests, Instant updatedAt, String updatedBy) {

    static IdentityProviderView of(IdentityProvider provider) {
        IdentityProviderSettings s = provider.settings();
        return new IdentityProviderView(provider.getStage(), s.entityId(), s.ssoUrl(), s.ssoBinding(),
                s.signAuthnRequests(), s.sloUrl(), s.sloBinding(), s.clockSkewSeconds(), s.allowSha1(), s.allowIdpInitiated(), s.justInTimeUsers(),
                s.alternateEmailAttribute(), s.federationIdSource(), s.federationIdAttribute(), s.certificates().stream().map(CertificateView::of).toList(),
                provider.getSource(), provider.getMetadataUrl(), provider.getMetadataSignature(),
                provider.getMetadataValidUntil(), provider.getMetadataReadAt(), provider.getMetadataRefreshHours(),
                provider.getMetadataCheckedAt(), provider.getMetadataProblem(),
                provider.getMetadataWantsSignedRequests(), provider.getUpdatedAt(), provider.getUpdatedBy());
    }
}
