package org.openenvelope.saml;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.XmlSigner;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EncryptionMethod;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;

/**
 * The SP metadata an IdP administrator imports: one {@code SPSSODescriptor} with the ACS (HTTP-POST), Single Logout
 * (Redirect and POST), the accepted NameID formats, and a signing and an encryption key descriptor for every
 * published key, so a key that is about to become active is known to the IdP before it is used. The document is
 * signed with the active key.
 */
public final class ServiceProviderMetadata {

    private static final List<String> ENCRYPTION_METHODS = List.of(
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256,
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
            EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11);

    private ServiceProviderMetadata() {
    }

    /**
     * @param published     the certificates of every key the IdP should know: the active one and the next one
     * @param cacheDuration how long an IdP that reads this document from its URL may keep it before reading it
     *                      again (Keycloak, Shibboleth): how soon such IdPs see a key rollover
     */
    public static byte[] generate(ServiceProviderParty sp, List<X509Certificate> published, java.time.Duration cacheDuration) {
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(sp.entityId());
        entity.setID("_" + IdentifierGenerator.next());
        entity.setCacheDuration(cacheDuration);

        SPSSODescriptor descriptor = OpenSaml.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        descriptor.setAuthnRequestsSigned(true);
        descriptor.setWantAssertionsSigned(true);
        for (X509Certificate certificate : published) {
            descriptor.getKeyDescriptors().add(keyDescriptor(certificate, UsageType.SIGNING));
            descriptor.getKeyDescriptors().add(keyDescriptor(certificate, UsageType.ENCRYPTION));
        }
        for (SamlBinding binding : List.of(SamlBinding.HTTP_REDIRECT, SamlBinding.HTTP_POST)) {
            SingleLogoutService logout = OpenSaml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
            logout.setBinding(binding.uri());
            logout.setLocation(sp.singleLogoutUrl());
            descriptor.getSingleLogoutServices().add(logout);
        }
        for (String format : NameIdFormats.ACCEPTED) {
            NameIDFormat nameIdFormat = OpenSaml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
            nameIdFormat.setURI(format);
            descriptor.getNameIDFormats().add(nameIdFormat);
        }
        AssertionConsumerService acs = OpenSaml.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SamlBinding.HTTP_POST.uri());
        acs.setLocation(sp.assertionConsumerUrl());
        acs.setIndex(0);
        acs.setIsDefault(true);
        descriptor.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(descriptor);

        XmlSigner.sign(entity, sp.signingKey());
        return OpenSaml.serialize(entity);
    }

    private static KeyDescriptor keyDescriptor(X509Certificate certificate, UsageType use) {
        KeyDescriptor descriptor = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(use);
        KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        descriptor.setKeyInfo(keyInfo);
        if (use == UsageType.ENCRYPTION) {
            for (String algorithm : ENCRYPTION_METHODS) {
                EncryptionMethod method = OpenSaml.build(EncryptionMethod.DEFAULT_ELEMENT_NAME);
                method.setAlgorithm(algorithm);
                descriptor.getEncryptionMethods().add(method);
            }
        }
        return descriptor;
    }
}
