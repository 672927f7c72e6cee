package org.openenvelope.saml.xml;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped XML signature of a SAML object against the keys an account trusts.
 *
 * <p>Security, in order: (1) the signature must follow the SAML signature profile (one Reference whose URI is
 * the signed element's own ID, only the enveloped-signature and exclusive-c14n transforms), which together with
 * xmlsec's secure validation (duplicate IDs refused) makes signature wrapping fail: callers then use only the
 * object this method verified; (2) signature and digest algorithms must be on the {@link AlgorithmPolicy}; (3)
 * the signature must verify with one of the configured certificates. A certificate inside the message's KeyInfo
 * is never trusted; it is only used to tell an administrator "signed with another certificate" apart from
 * "altered".
 */
public final class XmlSignatureCheck {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private XmlSignatureCheck() {
    }

    /**
     * @param what names the object in messages ("The Response", "The Assertion")
     * @throws SamlRejectedException SIGNATURE_INVALID, WEAK_ALGORITHM or SIGNATURE_UNTRUSTED_KEY
     */
    public static void verify(SignableSAMLObject object, String what, List<X509Certificate> trusted, boolean allowSha1) {
        Signature signature = object.getSignature();
        if (signature == null) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_MISSING, what + " is not signed.");
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_INVALID,
                    what + " has a signature that does not follow the SAML signature profile: " + e.getMessage());
        }
        AlgorithmPolicy.requireSignatureAlgorithm(signature.getSignatureAlgorithm(), allowSha1, what);
        AlgorithmPolicy.requireDigestAlgorithm(digestAlgorithm(signature), allowSha1, what);
        for (X509Certificate certificate : trusted) {
            if (verifies(signature, certificate)) {
                return;
            }
        }
        X509Certificate embedded = embeddedCertificate(signature);
        if (embedded != null && verifies(signature, embedded)) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_UNTRUSTED_KEY, what + " was signed with the "
                    + "certificate " + describe(embedded) + ", which is not among the trusted certificates "
                    + trusted.stream().map(XmlSignatureCheck::describe).collect(Collectors.joining(", ", "[", "]"))
                    + ". Upload the identity provider's current signing certificate.");
        }
        throw new SamlRejectedException(SamlFailure.SIGNATURE_INVALID, what + "'s signature does not verify with "
                + "any trusted certificate " + trusted.stream().map(XmlSignatureCheck::describe)
                .collect(Collectors.joining(", ", "[", "]")) + "; the message may have been altered in transit.");
    }

    private static boolean verifies(Signature signature, X509Certificate certificate) {
        try {
            SignatureValidator.validate(signature, new BasicX509Credential(certificate));
            return true;
        } catch (SignatureException e) {
            return false;
        }
    }

    private static String digestAlgorithm(Signature signature) {
        Element dom = signature.getDOM();
        NodeList digests = dom == null ? null : dom.getElementsByTagNameNS(DSIG, "DigestMethod");
        if (digests == null || digests.getLength() != 1) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_INVALID, "The signature must have exactly one digest.");
        }
        return ((Element) digests.item(0)).getAttribute("Algorithm");
    }

    private static X509Certificate embeddedCertificate(Signature signature) {
        if (signature.getKeyInfo() == null) {
            return null;
        }
        try {
            List<X509Certificate> certificates = KeyInfoSupport.getCertificates(signature.getKeyInfo());
            return certificates.isEmpty() ? null : certificates.get(0);
        } catch (CertificateException e) {
            return null;
        }
    }

    /** Subject and SHA-256 fingerprint: what an administrator compares with the IdP's console. */
    public static String describe(X509Certificate certificate) {
        return "\"" + certificate.getSubjectX500Principal().getName() + "\" (SHA-256 " + Certificates.fingerprint(certificate) + ")";
    }
}
