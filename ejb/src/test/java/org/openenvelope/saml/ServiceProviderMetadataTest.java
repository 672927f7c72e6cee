package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;

class ServiceProviderMetadataTest {

    private static EntityDescriptor generated(List<java.security.cert.X509Certificate> published) {
        return (EntityDescriptor) OpenSaml.parse(ServiceProviderMetadata.generate(ResponseFixture.serviceProvider(), published,
                java.time.Duration.ofHours(1)));
    }

    @Test
    void describesTheServiceProviderOfTheAccount() {
        EntityDescriptor entity = generated(List.of(TestKeys.SP.getEntityCertificate()));
        SPSSODescriptor sp = entity.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");

        assertEquals(ResponseFixture.SP_ENTITY_ID, entity.getEntityID());
        assertEquals(java.time.Duration.ofHours(1), entity.getCacheDuration(), "IdPs reading it from its URL re-read it hourly");
        assertTrue(sp.isAuthnRequestsSigned());
        assertTrue(sp.getWantAssertionsSigned());
        assertEquals(1, sp.getAssertionConsumerServices().size());
        assertEquals(SamlBinding.HTTP_POST.uri(), sp.getAssertionConsumerServices().get(0).getBinding());
        assertEquals(ResponseFixture.ACS_URL, sp.getAssertionConsumerServices().get(0).getLocation());
        assertEquals(List.of(SamlBinding.HTTP_REDIRECT.uri(), SamlBinding.HTTP_POST.uri()),
                sp.getSingleLogoutServices().stream().map(SingleLogoutService::getBinding).toList());
        assertTrue(sp.getSingleLogoutServices().stream().allMatch(s -> ResponseFixture.SLO_URL.equals(s.getLocation())));
        assertEquals(NameIdFormats.ACCEPTED, sp.getNameIDFormats().stream().map(NameIDFormat::getURI).toList());
        assertEquals(List.of(UsageType.SIGNING, UsageType.ENCRYPTION),
                sp.getKeyDescriptors().stream().map(KeyDescriptor::getUse).toList());
        assertTrue(sp.getKeyDescriptors().get(1).getEncryptionMethods().size() > 0);
    }

    @Test
    void publishesTheNextKeyBesideTheActiveOneDuringARollover() {
        SPSSODescriptor sp = generated(List.of(TestKeys.SP.getEntityCertificate(), TestKeys.SP_NEXT.getEntityCertificate()))
                .getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol");
        assertEquals(4, sp.getKeyDescriptors().size());
    }

    @Test
    void isSignedWithTheActiveKey() {
        EntityDescriptor entity = generated(List.of(TestKeys.SP.getEntityCertificate()));
        XmlSignatureCheck.verify(entity, "The metadata", List.of(TestKeys.SP.getEntityCertificate()), false);
        assertEquals(SamlFailure.SIGNATURE_UNTRUSTED_KEY, assertThrows(SamlRejectedException.class, () ->
                XmlSignatureCheck.verify(entity, "The metadata", List.of(TestKeys.IDP.getEntityCertificate()), false)).failure());
    }

    @Test
    void neverContainsAPrivateKey() {
        String xml = new String(ServiceProviderMetadata.generate(ResponseFixture.serviceProvider(),
                List.of(TestKeys.SP.getEntityCertificate()), java.time.Duration.ofHours(1)), StandardCharsets.UTF_8);
        assertTrue(!xml.contains("PRIVATE") && !xml.contains("RSAKeyValue"), xml);
    }
}
