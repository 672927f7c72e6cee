package org.openenvelope.saml.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.EncryptedID;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.w3c.dom.Element;

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
        try {
            return decrypter(keys).decrypt(encrypted);
        } catch (DecryptionException e) {
            throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED, "The EncryptedAssertion could not be "
                    + "decrypted with this account's service-provider keys (" + rootCause(e) + "). Check that the "
                    + "identity provider encrypts with the certificate in this account's SP metadata.", e);
        }
    }

    public static NameID decrypt(EncryptedID encrypted, List<BasicX509Credential> keys) {
        refuseHostileContent(encrypted);
        try {
            SAMLObject decrypted = decrypter(keys).decrypt(encrypted);
            if (decrypted instanceof NameID nameId) {
                return nameId;
            }
            throw new SamlRejectedException(SamlFailure.NAME_ID_MISSING,
                    "The EncryptedID holds a " + decrypted.getElementQName().getLocalPart() + ", not a NameID.");
        } catch (DecryptionException e) {
            throw new SamlRejectedException(SamlFailure.DECRYPTION_FAILED,
                    "The EncryptedID could not be decrypted (" + rootCause(e) + ").", e);
        }
    }

    private static Decrypter decrypter(List<BasicX509Credential> keys) {
        List<Credential> credentials = new ArrayList<>(keys);
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(credentials),
                new ChainingEncryptedKeyResolver(List.of(new InlineEncryptedKeyResolver(),
                        new EncryptedElementTypeEncryptedKeyResolver())),
                ALLOWED_ALGORITHMS, null) {
            // the decrypted assertion is parsed as hardened as every message (no DOCTYPE, a depth limit)
            @Override
            protected ParserPool buildParserPool() {
                return OpenSaml.parserPool();
            }
        };
        decrypter.setRootInNewDocument(true);
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
