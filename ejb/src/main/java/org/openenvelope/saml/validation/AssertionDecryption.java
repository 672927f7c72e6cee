package org.openenvelope.saml.validation;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.security.PrivateKeyCrypto;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.EncryptedElementType;
import org.opensaml.saml.saml2.core.EncryptedID;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.EncryptedKey;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Decrypts an EncryptedAssertion (or EncryptedID) with the service provider's keys.
 *
 * <p>Security: the encrypted element arrives before any signature over its content can be checked, so nothing
 * in it may make the decrypter fetch or transform anything. A {@code CipherReference} (cipher text elsewhere,
 * with transforms: the XSLT-execution hole of xmlsec 2.1.4) or a {@code RetrievalMethod} (a key elsewhere) is
 * refused before decryption; the current xmlsec refuses them too, in secure validation. Only RSA-OAEP key
 * transport and AES-GCM/CBC content encryption are allowed: RSA PKCS#1 v1.5 key transport is open to
 * Bleichenbacher-style oracles. The decrypted assertion becomes the root of a new document so that its own
 * signature (if any) is validated on exactly the decrypted bytes.
 */
public final class AssertionDecryption {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    private static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    private static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    private static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";

    static final Set<String> ALLOWED_ALGORITHMS = Set.of(
            "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
            "http://www.w3.org/2009/xmlenc11#rsa-oaep",
            "http://www.w3.org/2009/xmlenc11#aes128-gcm",
            "http://www.w3.org/2009/xmlenc11#aes192-gcm",
            "http://www.w3.org/2009/xmlenc11#aes256-gcm",
            "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
            "http://www.w3.org/2001/04/xmlenc#aes192-cbc",
            "http://www.w3.org/2001/04/xmlenc#aes256-cbc",
            // digests and mask generation inside RSA-OAEP parameters
            "http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512",
            "http://www.w3.org/2009/xmlenc11#mgf1sha1",
            "http://www.w3.org/2009/xmlenc11#mgf1sha256",
            "http://www.w3.org/2009/xmlenc11#mgf1sha384",
            "http://www.w3.org/2009/xmlenc11#mgf1sha512");

    private AssertionDecryption() {
    }

    public static Assertion decrypt(EncryptedAssertion encrypted, List<BasicX509Credential> keys) {
        refuseHostileContent(encrypted);
        refuseAlgorithmsOutsideTheAllowList(encrypted, "EncryptedAssertion");
        XMLObject plain = decryptData(encrypted, "EncryptedAssertion", keys);
        if (plain instanceof Assertion assertion) {
            return assertion;
        }
        throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED, "The EncryptedAssertion was decrypted, but it"
                + " holds a " + plain.getElementQName().getLocalPart() + ", not an Assertion.");
    }

    public static NameID decrypt(EncryptedID encrypted, List<BasicX509Credential> keys) {
        refuseHostileContent(encrypted);
        refuseAlgorithmsOutsideTheAllowList(encrypted, "EncryptedID");
        XMLObject plain = decryptData(encrypted, "EncryptedID", keys);
        if (plain instanceof NameID nameId) {
            return nameId;
        }
        throw new SamlRejectedException(SamlFailure.NAME_ID_MISSING,
                "The EncryptedID holds a " + plain.getElementQName().getLocalPart() + ", not a NameID.");
    }

    /**
     * Decrypts the element's content; when that fails, says whether the key was the problem (the IdP encrypted for a
     * certificate this account does not hold) or the content, so the administrator knows what to change. The key
     * itself cannot tell: a wrong RSA-OAEP key "opens" into a random content key, by design against padding oracles,
     * so the certificate the IdP names in its EncryptedKey decides.
     */
    private static XMLObject decryptData(EncryptedElementType encrypted, String what, List<BasicX509Credential> keys) {
        try {
            return decrypter(keys).decryptData(encrypted.getEncryptedData(), true);
        } catch (DecryptionException e) {
            List<EncryptedKey> encryptedKeys = encryptedKeys(encrypted);
            List<String> ours = keys.stream().map(k -> Certificates.fingerprint(k.getEntityCertificate())).toList();
            if (encryptedKeys.isEmpty()) {
                throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED, "The " + what + " carries no "
                        + "EncryptedKey; the identity provider must encrypt the content key with the certificate in "
                        + "this account's SP metadata.", e);
            }
            Optional<X509Certificate> recipient = recipientOf(encryptedKeys);
            if (recipient.isEmpty()) {
                throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED, "The " + what + " could not be decrypted"
                        + " with any of this account's service-provider keys " + ours + " (" + rootCause(e) + "): the"
                        + " identity provider encrypted for another certificate, or the content is damaged. Give the"
                        + " identity provider the encryption certificate from this account's SP metadata.", e);
            }
            String fingerprint = Certificates.fingerprint(recipient.get());
            if (!ours.contains(fingerprint)) {
                throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED, "The " + what + " was encrypted for the"
                        + " certificate " + recipient.get().getSubjectX500Principal().getName() + " (" + fingerprint
                        + "), which is not one of this account's service-provider keys " + ours + ". Give the identity"
                        + " provider the encryption certificate from this account's SP metadata.", e);
            }
            throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED, "The " + what + " was encrypted for this"
                    + " account's key " + fingerprint + ", but its content could not be decrypted and read ("
                    + rootCause(e) + ").", e);
        }
    }

    private static List<EncryptedKey> encryptedKeys(EncryptedElementType encrypted) {
        List<EncryptedKey> found = new ArrayList<>();
        try {
            keyResolver().resolve(encrypted.getEncryptedData()).forEach(found::add);
        } catch (RuntimeException e) {
            // an unreadable KeyInfo counts as no key
        }
        return found;
    }

    /** The certificate the IdP says it encrypted the content key for, when its KeyInfo names one. */
    private static Optional<X509Certificate> recipientOf(List<EncryptedKey> encryptedKeys) {
        for (EncryptedKey encryptedKey : encryptedKeys) {
            if (encryptedKey.getKeyInfo() == null) {
                continue;
            }
            try {
                List<X509Certificate> certificates = KeyInfoSupport.getCertificates(encryptedKey.getKeyInfo());
                if (!certificates.isEmpty()) {
                    return Optional.of(certificates.get(0));
                }
            } catch (CertificateException e) {
                // a KeyInfo that names no readable certificate
            }
        }
        return Optional.empty();
    }

    /**
     * Names the first algorithm outside the allow-list before anything is decrypted, with what the identity provider
     * should use instead (pysaml2, for one, encrypts with 3DES unless told otherwise).
     */
    private static void refuseAlgorithmsOutsideTheAllowList(XMLObject encrypted, String what) {
        Element dom = OpenSaml.element(encrypted);
        for (String[] method : new String[][] {{XENC, "EncryptionMethod"}, {DSIG, "DigestMethod"},
                {XENC11, "MGF"}}) {
            NodeList nodes = dom.getElementsByTagNameNS(method[0], method[1]);
            for (int i = 0; i < nodes.getLength(); i++) {
                String algorithm = ((Element) nodes.item(i)).getAttribute("Algorithm");
                if (!ALLOWED_ALGORITHMS.contains(algorithm)) {
                    throw new SamlRejectedException(SamlFailure.ENCRYPTION_ALGORITHM_REFUSED, "The " + what + " is "
                            + "encrypted with " + algorithm + describe(algorithm) + ", which this service refuses. Set"
                            + " the identity provider to encrypt assertions with AES-GCM (" + AES256_GCM + ") or"
                            + " AES-CBC (" + AES256_CBC + ") and to transport the key with RSA-OAEP (" + RSA_OAEP
                            + ").");
                }
            }
        }
    }

    private static String describe(String algorithm) {
        if (algorithm.endsWith("#tripledes-cbc")) {
            return " (3DES, a 64-bit block cipher)";
        }
        if (algorithm.endsWith("#rsa-1_5")) {
            return " (RSA PKCS#1 v1.5 key transport, open to padding-oracle attacks)";
        }
        return algorithm.isEmpty() ? "no algorithm named" : "";
    }

    private static ChainingEncryptedKeyResolver keyResolver() {
        return new ChainingEncryptedKeyResolver(List.of(new InlineEncryptedKeyResolver(),
                new EncryptedElementTypeEncryptedKeyResolver()));
    }

    private static Decrypter decrypter(List<BasicX509Credential> keys) {
        List<Credential> credentials = new ArrayList<>(keys);
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(credentials), keyResolver(),
                ALLOWED_ALGORITHMS, null) {
            // the decrypted assertion is parsed as hardened as every message (no DOCTYPE, a depth limit)
            @Override
            protected ParserPool buildParserPool() {
                return OpenSaml.parserPool();
            }
        };
        decrypter.setRootInNewDocument(true);
        decrypter.setJCAProviderName(PrivateKeyCrypto.providerName());
        return decrypter;
    }

    private static void refuseHostileContent(XMLObject encrypted) {
        Element dom = OpenSaml.element(encrypted);
        if (dom.getElementsByTagNameNS(XENC, "CipherReference").getLength() > 0) {
            throw new SamlRejectedException(SamlFailure.HOSTILE_ENCRYPTION,
                    "The encrypted element uses a CipherReference (cipher text fetched from elsewhere, possibly "
                            + "with transforms); only inline CipherValue is accepted.");
        }
        if (dom.getElementsByTagNameNS(DSIG, "RetrievalMethod").getLength() > 0) {
            throw new SamlRejectedException(SamlFailure.HOSTILE_ENCRYPTION,
                    "The encrypted element uses a RetrievalMethod (key material fetched from elsewhere); only "
                            + "inline EncryptedKeys are accepted.");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
