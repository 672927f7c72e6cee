package org.openenvelope.saml.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.NameIdFormats;
import org.opensaml.security.x509.BasicX509Credential;

class MetadataReaderTest {

    private static final Instant NOW = Instant.now();
    private static final BasicX509Credential ENTRA = key("entra.example");
    private static final BasicX509Credential ENTRA_NEXT = key("entra-next.example");
    private static final BasicX509Credential OTHER = key("other.example");

    private static BasicX509Credential key(String name) {
        return SelfSignedCertificates.generate(name, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365));
    }

    private static IdentityProviderMetadata read(IdpMetadataFixture fixture, MetadataTrust trust) {
        return MetadataReader.read(fixture.build(), trust, null, NOW);
    }

    private static String refusal(byte[] document, MetadataTrust trust) {
        return assertThrows(MetadataRejectedException.class, () -> MetadataReader.read(document, trust, null, NOW)).getMessage();
    }

    // ---- the shapes of real IdPs ----

    @Test
    void readsEntraMetadataWithTwoSigningKeysPastItsWsFederationDescriptors() {
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.entra("tenant-1", ENTRA.getEntityCertificate(),
                ENTRA_NEXT.getEntityCertificate()).signedBy(ENTRA), MetadataTrust.moreSecure(List.of(ENTRA.getEntityCertificate())));

        assertEquals("https://sts.windows.net/tenant-1/", metadata.entityId());
        assertEquals(SignatureStatus.VERIFIED, metadata.signature());
        assertEquals(Map.of(SamlBinding.HTTP_REDIRECT, "https://login.microsoftonline.com/tenant-1/saml2",
                SamlBinding.HTTP_POST, "https://login.microsoftonline.com/tenant-1/saml2"), metadata.signOn());
        assertEquals(List.of(ENTRA.getEntityCertificate(), ENTRA_NEXT.getEntityCertificate()), metadata.signingCertificates());
        assertEquals(SamlBinding.HTTP_REDIRECT, metadata.preferredSignOnBinding());
    }

    @Test
    void readsTheIdpDescriptorOfAdfsAndIgnoresItsSpDescriptorAndEncryptionKey() {
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.adfs("adfs.example.com", ENTRA.getEntityCertificate(),
                OTHER.getEntityCertificate()).signedBy(ENTRA), MetadataTrust.moreSecure(List.of(ENTRA.getEntityCertificate())));

        assertEquals("http://adfs.example.com/adfs/services/trust", metadata.entityId());
        assertEquals(List.of(ENTRA.getEntityCertificate()), metadata.signingCertificates(), "only the signing key");
        assertEquals("https://adfs.example.com/adfs/ls/", metadata.signOn().get(SamlBinding.HTTP_POST));
        assertEquals(2, metadata.logout().size());
        assertTrue(metadata.nameIdFormats().contains(NameIdFormats.EMAIL_ADDRESS));
    }

    @Test
    void readsWhetherTheIdentityProviderAcceptsOnlySignedAuthnRequests() {
        MetadataTrust less = MetadataTrust.lessSecure();
        assertTrue(read(IdpMetadataFixture.keycloak("https://kc.example", "acme", OTHER.getEntityCertificate()), less)
                .wantAuthnRequestsSigned(), "Keycloak's realm descriptor says true");
        assertFalse(read(IdpMetadataFixture.keycloak("https://kc.example", "acme", OTHER.getEntityCertificate())
                .wantAuthnRequestsSigned("false"), less).wantAuthnRequestsSigned());
        assertFalse(read(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate()), less).wantAuthnRequestsSigned(),
                "absent: false, the SAML default");
        assertTrue(read(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate()).wantAuthnRequestsSigned("1"), less)
                .wantAuthnRequestsSigned(), "an xs:boolean may be 1");
        assertFalse(read(IdpMetadataFixture.adfs("adfs.example.com", ENTRA.getEntityCertificate(), OTHER.getEntityCertificate()),
                less).wantAuthnRequestsSigned(), "ADFS's SPSSODescriptor says nothing about requests to it");
    }

    @Test
    void readsDuoMetadataWhoseKeyDescriptorHasNoUse() {
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate()),
                MetadataTrust.lessSecure());
        assertEquals("https://sso-abc.sso.duosecurity.com/saml2/sp/abc/metadata", metadata.entityId());
        assertEquals(List.of(OTHER.getEntityCertificate()), metadata.signingCertificates());
        assertEquals(SignatureStatus.UNSIGNED, metadata.signature());
        assertTrue(metadata.warnings().get(0).contains("not signed"), metadata.warnings().toString());
        assertEquals(Map.of(SamlBinding.HTTP_REDIRECT, "https://sso-abc.sso.duosecurity.com/saml2/sp/abc/slo"), metadata.logout());
    }

    @Test
    void readsKeycloakMetadataInsideItsEntitiesDescriptorKeepingOnlyBrowserBindings() {
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.keycloak("https://kc.example", "acme",
                OTHER.getEntityCertificate()), MetadataTrust.lessSecure());
        assertEquals("https://kc.example/realms/acme", metadata.entityId());
        assertEquals(2, metadata.signOn().size());
        assertEquals(2, metadata.logout().size());
        assertEquals(4, metadata.nameIdFormats().size());
    }

    // ---- trust modes ----

    @Test
    void theMoreSecureModeRefusesUnsignedMetadata() {
        String refusal = refusal(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate()).build(),
                MetadataTrust.moreSecure(List.of(OTHER.getEntityCertificate())));
        assertTrue(refusal.contains("not signed") && refusal.contains("more secure"), refusal);
    }

    @Test
    void theMoreSecureModeRefusesASignerThatIsNeitherPinnedNorIssuedByATrustedCa() {
        String refusal = refusal(IdpMetadataFixture.entra("t", ENTRA.getEntityCertificate()).signedBy(ENTRA).build(),
                MetadataTrust.moreSecure(List.of(OTHER.getEntityCertificate())));
        assertTrue(refusal.contains("neither pinned nor issued by a trusted CA"), refusal);
    }

    @Test
    void theMoreSecureModeAcceptsASignerIssuedByATrustedCa() throws Exception {
        CertificateAuthority ca = new CertificateAuthority();
        BasicX509Credential signer = ca.issue("metadata-signer.example");
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.entra("t", ENTRA.getEntityCertificate()).signedBy(signer),
                MetadataTrust.moreSecure(List.of(ca.certificate)));
        assertEquals(SignatureStatus.VERIFIED, metadata.signature());
        assertTrue(metadata.warnings().stream().anyMatch(w -> w.contains("revocation")), metadata.warnings().toString());

        String refusal = refusal(IdpMetadataFixture.entra("t", ENTRA.getEntityCertificate()).signedBy(signer).build(),
                MetadataTrust.moreSecure(List.of(new CertificateAuthority().certificate)));
        assertTrue(refusal.contains("neither pinned nor issued"), refusal);
    }

    @Test
    void theLessSecureModeAcceptsSelfSignedMetadataWithAWarning() {
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.entra("t", ENTRA.getEntityCertificate()).signedBy(ENTRA),
                MetadataTrust.lessSecure());
        assertEquals(SignatureStatus.SELF_SIGNED, metadata.signature());
        assertTrue(metadata.warnings().stream().anyMatch(w -> w.contains("self-signed")), metadata.warnings().toString());
    }

    @Test
    void aTamperedDocumentIsRefusedInEitherMode() {
        String signed = new String(IdpMetadataFixture.entra("tenant-1", ENTRA.getEntityCertificate()).signedBy(ENTRA).build(),
                StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("https://login.microsoftonline.com/tenant-1/saml2\"/>",
                "https://evil.example/saml2\"/>").getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(tampered, MetadataTrust.lessSecure()).contains("signature does not verify"));
        assertTrue(refusal(tampered, MetadataTrust.moreSecure(List.of(ENTRA.getEntityCertificate()))).contains("signature does not verify"));
    }

    // ---- entities, dates ----

    @Test
    void picksAnotherIdentityProviderOfTheDocumentOnRequest() {
        String two = "<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + body(IdpMetadataFixture.duo("first", OTHER.getEntityCertificate()))
                + body(IdpMetadataFixture.duo("second", OTHER.getEntityCertificate())) + "</EntitiesDescriptor>";
        IdentityProviderMetadata first = read(IdpMetadataFixture.raw(two), MetadataTrust.lessSecure());
        assertEquals(2, first.entities().size());
        assertTrue(first.entityId().contains("first"));
        assertTrue(first.warnings().stream().anyMatch(w -> w.contains("2 identity providers")));

        IdentityProviderMetadata second = MetadataReader.read(two.getBytes(StandardCharsets.UTF_8), MetadataTrust.lessSecure(),
                first.entities().get(1), NOW);
        assertTrue(second.entityId().contains("second"));
        assertThrows(MetadataRejectedException.class, () -> MetadataReader.read(two.getBytes(StandardCharsets.UTF_8),
                MetadataTrust.lessSecure(), "https://nobody.example", NOW));
    }

    private static String body(IdpMetadataFixture fixture) {
        return new String(fixture.build(), StandardCharsets.UTF_8);
    }

    @Test
    void refusesMetadataPastItsValidUntil() {
        String refusal = refusal(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate())
                .validUntil(NOW.minusSeconds(60)).build(), MetadataTrust.lessSecure());
        assertTrue(refusal.contains("valid until"), refusal);
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), read(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate())
                .validUntil(NOW.plusSeconds(3600)), MetadataTrust.lessSecure()).validUntil().getEpochSecond());
    }

    @Test
    void warnsAboutSigningCertificatesThatExpireSoon() {
        BasicX509Credential shortLived = SelfSignedCertificates.generate("soon.example", NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(10));
        IdentityProviderMetadata metadata = read(IdpMetadataFixture.duo("abc", shortLived.getEntityCertificate()),
                MetadataTrust.lessSecure());
        assertTrue(metadata.warnings().stream().anyMatch(w -> w.contains("expires on")), metadata.warnings().toString());
    }

    // ---- broken and hostile documents ----

    @Test
    void refusesHostileAndBrokenDocumentsWithPreciseMessages() {
        assertTrue(refusal("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8), MetadataTrust.lessSecure()).contains("DOCTYPE"));
        assertTrue(refusal("not xml at all".getBytes(StandardCharsets.UTF_8), MetadataTrust.lessSecure())
                .contains("not well-formed XML"));
        assertTrue(refusal(new byte[2 * 1024 * 1024], MetadataTrust.lessSecure()).contains("at most"));
        assertTrue(refusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".getBytes(StandardCharsets.UTF_8),
                MetadataTrust.lessSecure()).contains("not a SAML element"));
        assertTrue(refusal("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>".getBytes(StandardCharsets.UTF_8),
                MetadataTrust.lessSecure()).contains("not SAML metadata"));
    }

    @Test
    void refusesServiceProviderMetadataAndIdentityProvidersWithoutSignOnOrKeys() {
        String sp = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"urn:sp\">"
                + "<SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://sp/acs\" index=\"0\"/>"
                + "</SPSSODescriptor></EntityDescriptor>";
        assertTrue(refusal(sp.getBytes(StandardCharsets.UTF_8), MetadataTrust.lessSecure()).contains("no identity provider"));

        String noKeys = body(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate()))
                .replaceAll("(?s)<md:KeyDescriptor>.*</md:KeyDescriptor>", "");
        assertTrue(refusal(noKeys.getBytes(StandardCharsets.UTF_8), MetadataTrust.lessSecure()).contains("no signing certificate"));

        String soapOnly = body(IdpMetadataFixture.duo("abc", OTHER.getEntityCertificate()))
                .replaceAll("<md:SingleSignOnService [^>]*/>", "");
        assertTrue(refusal(soapOnly.getBytes(StandardCharsets.UTF_8), MetadataTrust.lessSecure()).contains("no sign-in endpoint"));
    }

    /** A private CA for the "signed by a certificate from a trusted CA" case. */
    private static final class CertificateAuthority {
        final KeyPair keys;
        final X509Certificate certificate;

        CertificateAuthority() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            X500Principal name = new X500Principal("CN=Test Root CA " + System.nanoTime());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(365))), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        }

        BasicX509Credential issue(String commonName) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair leaf = generator.generateKeyPair();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate.getSubjectX500Principal(),
                    BigInteger.valueOf(System.nanoTime()), Date.from(NOW.minus(Duration.ofDays(1))),
                    Date.from(NOW.plus(Duration.ofDays(90))), new X500Principal("CN=" + commonName), leaf.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate issued = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new BasicX509Credential(issued, leaf.getPrivate());
        }
    }
}
