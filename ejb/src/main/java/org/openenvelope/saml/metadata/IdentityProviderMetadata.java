package org.openenvelope.saml.metadata;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openenvelope.saml.binding.SamlBinding;

/**
 * What an IdP metadata document says about one identity provider: the preview an administrator checks before
 * anything is saved.
 *
 * @param entities    the entity IDs of every identity provider in the document (an administrator may pick another
 *                    than the first)
 * @param signOn      SingleSignOnService location per supported binding
 * @param wantAuthnRequestsSigned the IDPSSODescriptor's WantAuthnRequestsSigned: whether the IdP accepts only
 *                    signed AuthnRequests (absent: false, the SAML default)
 * @param logout      SingleLogoutService location per supported binding
 * @param validUntil  the document's validUntil, if any
 * @param warnings    what the administrator should know (unsigned, self-signed, expiring certificates, …)
 */
public record IdentityProviderMetadata(String entityId, List<String> entities, Map<SamlBinding, String> signOn,
                                       boolean wantAuthnRequestsSigned, Map<SamlBinding, String> logout,
                                       List<X509Certificate> signingCertificates, List<String> nameIdFormats, Instant validUntil, SignatureStatus signature,
                                       List<String> warnings) {

    public IdentityProviderMetadata {
        entities = List.copyOf(entities);
        signOn = Map.copyOf(signOn);
        logout = Map.copyOf(logout);
        signingCertificates = List.copyOf(signingCertificates);
        nameIdFormats = List.copyOf(nameIdFormats);
        warnings = List.copyOf(warnings);
    }

    /** The binding for AuthnRequests: Redirect when offered (smaller, no page in between), else POST. */
    public SamlBinding preferredSignOnBinding() {
        return signOn.containsKey(SamlBinding.HTTP_REDIRECT) ? SamlBinding.HTTP_REDIRECT : SamlBinding.HTTP_POST;
    }

    public SamlBinding preferredLogoutBinding() {
        return logout.containsKey(SamlBinding.HTTP_REDIRECT) ? SamlBinding.HTTP_REDIRECT : SamlBinding.HTTP_POST;
    }
}
