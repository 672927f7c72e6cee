package org.openenvelope.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.metadata.SignatureStatus;

/** What an IdP metadata document says, in JSON, and what importing it changes in the draft. */
public record MetadataPreviewJson(String entityId, List<String> entities, Map<SamlBinding, String> signOn,
                                  boolean wantAuthnRequestsSigned, Map<SamlBinding, String> logout, List<CertificateView> signingCertificates,
                                  List<String> nameIdFormats, Instant validUntil, SignatureStatus signature,
                                  List<String> warnings, List<String> changes) {

    static MetadataPreviewJson of(MetadataPreview preview) {
        IdentityProviderMetadata m = preview.metadata();
        return new MetadataPreviewJson(m.entityId(), m.entities(), m.signOn(), m.wantAuthnRequestsSigned(), m.logout(),
                m.signingCertificates().stream().map(CertificateView::of).toList(), m.nameIdFormats(), m.validUntil(),
                m.signature(), m.warnings(), preview.changes());
    }
}
