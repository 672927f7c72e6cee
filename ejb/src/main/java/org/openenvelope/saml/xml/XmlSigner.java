package org.openenvelope.saml.xml;

import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.SignableXMLObject;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/** Signs our own SAML objects: enveloped, RSA-SHA256 over an exclusive-c14n SHA-256 digest, certificate in KeyInfo. */
public final class XmlSigner {

    private XmlSigner() {
    }

    /** Signs the object in place (it is marshalled, so serialise it afterwards without changing it). */
    public static <T extends SignableXMLObject> T sign(T object, BasicX509Credential key) {
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(key);
        parameters.setSignatureAlgorithm(AlgorithmPolicy.RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(AlgorithmPolicy.DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            SignatureSupport.signObject(object, parameters);
            return object;
        } catch (SecurityException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("Could not sign " + object.getElementQName().getLocalPart(), e);
        }
    }
}
