package org.openenvelope.saml.metadata;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlRejectedException;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * Reads IdP metadata as Entra ID, ADFS, Duo, Keycloak and other SAML 2.0 IdPs publish it: an EntityDescriptor or an
 * EntitiesDescriptor wrapper (possibly nested), WS-Federation RoleDescriptors (ignored), ADFS's extra
 * SPSSODescriptor (ignored: only the IDPSSODescriptor counts), several signing keys (all trusted, for rollover).
 *
 * <p>Security: the document goes through the hardened parser (no DOCTYPE, 1 MB). Its signature is checked on the
 * DOM exactly as received, never on a re-marshalled copy (that would drop the WS-Fed descriptors and break it).
 * A broken signature is always refused; an absent or self-signed one only in "less secure" mode. Trust anchors are
 * either pinned signing certificates or CA certificates (PKIX path validation; revocation is not checked, because
 * the service cannot assume it reaches the CA's CRL or OCSP responder, and says so in a warning).
 */
public final class MetadataReader {

    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private MetadataReader() {
    }

    /**
     * @param entityId the IdP to read, or null for the first in the document
     * @throws MetadataRejectedException with a precise message: not XML, hostile XML, not metadata, no IdP,
     *                                   signature missing or failing, no usable endpoint or certificate
     */
    public static IdentityProviderMetadata read(byte[] document, MetadataTrust trust, String entityId, Instant now) {
        XMLObject root;
        try {
            root = OpenSaml.parse(document);
        } catch (XmlRejectedException e) {
            throw new MetadataRejectedException(e.getMessage());
        }
        if (!(root instanceof EntityDescriptor || root instanceof EntitiesDescriptor)) {
            throw new MetadataRejectedException("This is not SAML metadata: the document is a "
                    + root.getElementQName().getLocalPart() + ", not an EntityDescriptor or EntitiesDescriptor.");
        }
        List<String> warnings = new ArrayList<>();
        SignatureStatus signature = checkSignature((SignableSAMLObject) root, trust, warnings);
        List<EntityDescriptor> idps = identityProviders(root);
        if (idps.isEmpty()) {
            throw new MetadataRejectedException("The metadata describes no identity provider (no IDPSSODescriptor"
                    + " supporting SAML 2.0); it may be a service provider's metadata.");
        }
        EntityDescriptor entity = entityId == null ? idps.get(0) : idps.stream()
                .filter(candidate -> entityId.equals(candidate.getEntityID())).findFirst()
                .orElseThrow(() -> new MetadataRejectedException("The metadata has no identity provider \"" + entityId
                        + "\"; it has " + idps.stream().map(EntityDescriptor::getEntityID).toList() + "."));
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);

        Map<SamlBinding, String> signOn = endpoints(idp.getSingleSignOnServices());
        if (signOn.isEmpty()) {
            throw new MetadataRejectedException("The identity provider " + entity.getEntityID() + " offers no sign-in "
                    + "endpoint (SingleSignOnService) with the HTTP-Redirect or HTTP-POST binding.");
        }
        List<X509Certificate> certificates = signingCertificates(idp);
        if (certificates.isEmpty()) {
            throw new MetadataRejectedException("The identity provider " + entity.getEntityID() + " publishes no "
                    + "signing certificate (KeyDescriptor with an X509Certificate), so its answers could not be verified.");
        }
        for (X509Certificate certificate : certificates) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (notAfter.isBefore(now)) {
                warnings.add("The signing certificate " + XmlSignatureCheck.describe(certificate) + " expired on "
                        + notAfter + ".");
            } else if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
                warnings.add("The signing certificate " + XmlSignatureCheck.describe(certificate) + " expires on "
                        + notAfter + ".");
            }
        }
        Instant validUntil = validUntil(entity, root);
        if (validUntil != null && validUntil.isBefore(now)) {
            throw new MetadataRejectedException("The metadata was valid until " + validUntil + "; fetch a current copy"
                    + " from the identity provider.");
        }
        if (idps.size() > 1 && entityId == null) {
            warnings.add("The metadata describes " + idps.size() + " identity providers; the first, "
                    + entity.getEntityID() + ", was read. Pick another if that is not the right one.");
        }
        return new IdentityProviderMetadata(entity.getEntityID(), idps.stream().map(EntityDescriptor::getEntityID).toList(),
                signOn, Boolean.TRUE.equals(idp.getWantAuthnRequestsSigned()), endpoints(idp.getSingleLogoutServices()),
                certificates, idp.getNameIDFormats().stream().map(NameIDFormat::getURI).toList(), validUntil, signature, warnings);
    }

    private static SignatureStatus checkSignature(SignableSAMLObject root, MetadataTrust trust, List<String> warnings) {
        if (!root.isSigned()) {
            if (trust.requireSignature()) {
                throw new MetadataRejectedException("The metadata is not signed, but the more secure mode requires a "
                        + "signature by a trusted certificate. Choose the less secure mode to accept it unsigned.");
            }
            warnings.add("The metadata is not signed: make sure it came from the identity provider itself.");
            return SignatureStatus.UNSIGNED;
        }
        X509Certificate signer = signerCertificate(root);
        List<X509Certificate> pinned = trust.anchors().stream().filter(anchor -> anchor.getBasicConstraints() < 0).toList();
        List<X509Certificate> authorities = trust.anchors().stream().filter(anchor -> anchor.getBasicConstraints() >= 0).toList();
        try {
            if (!pinned.isEmpty() && verifies(root, pinned)) {
                return SignatureStatus.VERIFIED;
            }
            if (signer != null && !authorities.isEmpty() && chainsTo(signer, authorities) && verifies(root, List.of(signer))) {
                warnings.add("The signer's certificate chains to a trusted CA; its revocation status was not checked.");
                return SignatureStatus.VERIFIED;
            }
            if (signer == null) {
                throw new MetadataRejectedException("The metadata is signed, but the signature carries no certificate"
                        + " and no pinned certificate verifies it.");
            }
            XmlSignatureCheck.verify(root, "The metadata", List.of(signer), false);
        } catch (SamlRejectedException e) {
            throw new MetadataRejectedException("The metadata's signature does not verify: " + e.detail());
        }
        if (trust.requireSignature()) {
            throw new MetadataRejectedException("The metadata is signed by " + XmlSignatureCheck.describe(signer)
                    + ", which is neither pinned nor issued by a trusted CA.");
        }
        warnings.add("The metadata is self-signed by " + XmlSignatureCheck.describe(signer)
                + "; nothing vouches for that certificate.");
        return SignatureStatus.SELF_SIGNED;
    }

    private static boolean verifies(SignableSAMLObject root, List<X509Certificate> candidates) {
        try {
            XmlSignatureCheck.verify(root, "The metadata", candidates, false);
            return true;
        } catch (SamlRejectedException e) {
            if (e.failure() == SamlFailure.SIGNATURE_UNTRUSTED_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static boolean chainsTo(X509Certificate signer, List<X509Certificate> authorities) {
        try {
            Set<TrustAnchor> anchors = authorities.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(new Date());
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(signer)), parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate signerCertificate(SignableSAMLObject root) {
        if (root.getSignature() == null || root.getSignature().getKeyInfo() == null) {
            return null;
        }
        try {
            List<X509Certificate> certificates = KeyInfoSupport.getCertificates(root.getSignature().getKeyInfo());
            return certificates.isEmpty() ? null : certificates.get(0);
        } catch (CertificateException e) {
            return null;
        }
    }

    private static List<EntityDescriptor> identityProviders(XMLObject root) {
        List<EntityDescriptor> found = new ArrayList<>();
        collect(root, found);
        return found.stream().filter(e -> e.getIDPSSODescriptor(SAMLConstants.SAML20P_NS) != null).toList();
    }

    private static void collect(XMLObject node, List<EntityDescriptor> found) {
        if (node instanceof EntityDescriptor entity) {
            found.add(entity);
        } else if (node instanceof EntitiesDescriptor entities) {
            entities.getEntityDescriptors().forEach(found::add);
            entities.getEntitiesDescriptors().forEach(nested -> collect(nested, found));
        }
    }

    private static Map<SamlBinding, String> endpoints(List<? extends Endpoint> endpoints) {
        Map<SamlBinding, String> byBinding = new EnumMap<>(SamlBinding.class);
        for (Endpoint endpoint : endpoints) {
            for (SamlBinding binding : SamlBinding.values()) {
                if (binding.uri().equals(endpoint.getBinding()) && endpoint.getLocation() != null) {
                    byBinding.putIfAbsent(binding, endpoint.getLocation().strip());
                }
            }
        }
        return byBinding;
    }

    /** Signing keys: KeyDescriptors marked "signing" or not marked at all (then they serve both uses). */
    private static List<X509Certificate> signingCertificates(IDPSSODescriptor idp) {
        Set<String> seen = new LinkedHashSet<>();
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() == UsageType.ENCRYPTION || key.getKeyInfo() == null) {
                continue;
            }
            try {
                for (X509Certificate certificate : KeyInfoSupport.getCertificates(key.getKeyInfo())) {
                    if (seen.add(Certificates.fingerprint(certificate))) {
                        certificates.add(certificate);
                    }
                }
            } catch (CertificateException e) {
                throw new MetadataRejectedException("A signing KeyDescriptor holds a certificate that cannot be read: "
                        + e.getMessage());
            }
        }
        return certificates;
    }

    private static Instant validUntil(EntityDescriptor entity, XMLObject root) {
        Instant own = entity.getValidUntil();
        Instant outer = root instanceof EntitiesDescriptor entities ? entities.getValidUntil() : null;
        return Optional.ofNullable(own).map(o -> outer != null && outer.isBefore(o) ? outer : o).orElse(outer);
    }
}
