package org.openenvelope.saml.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openenvelope.saml.keys.TestCertificateAuthority.pem;
import static org.openenvelope.saml.keys.TestCertificateAuthority.pkcs12;
import static org.openenvelope.saml.keys.TestCertificateAuthority.rsa;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.InvalidValueException;
import org.opensaml.security.x509.BasicX509Credential;

class UploadedKeyPairTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final TestCertificateAuthority CA = new TestCertificateAuthority();
    private static final KeyPair SP = rsa(2048);
    private static final X509Certificate CA_CERTIFICATE = CA.certificate();
    private static final X509Certificate SP_CERTIFICATE = CA.issue("CN=sso.example.com", SP, NOW.minus(Duration.ofDays(1)),
            Duration.ofDays(365), TestCertificateAuthority.SP_KEY_USAGE);

    @Test
    void pkcs12WithItsPasswordGivesTheKeyAndTheCertificate() throws Exception {
        BasicX509Credential read = UploadedKeyPair.read(pkcs12(PASSWORD, SP.getPrivate(), SP_CERTIFICATE, CA_CERTIFICATE), PASSWORD, NOW);

        assertEquals(SP_CERTIFICATE, read.getEntityCertificate());
        assertArrayEquals(SP.getPrivate().getEncoded(), read.getPrivateKey().getEncoded());
    }

    @Test
    void pkcs12WithTheWrongPasswordIsRefusedOnThePasswordField() throws Exception {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> UploadedKeyPair.read(pkcs12(PASSWORD, SP.getPrivate(), SP_CERTIFICATE), "wrong".toCharArray(), NOW));

        assertEquals(UploadedKeyPair.PASSWORD, refused.field());
        assertEquals("The password does not open this PKCS#12 file.", refused.getMessage());
    }

    @Test
    void pkcs12WithoutAKeyIsRefused() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("sp", SP_CERTIFICATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);

        assertRefused(UploadedKeyPair.FILE, "holds no private key", out.toByteArray(), PASSWORD);
    }

    @Test
    void pemWithPkcs8KeyAndChainInAnyOrderFindsTheCertificateOfTheKey() {
        byte[] pem = pem(CA_CERTIFICATE, SP_CERTIFICATE, SP.getPrivate());

        BasicX509Credential read = UploadedKeyPair.read(pem, new char[0], NOW);

        assertEquals(SP_CERTIFICATE, read.getEntityCertificate());
    }

    @Test
    void pemWithAnEncryptedPkcs8KeyNeedsItsPassword() throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(SP_CERTIFICATE);
            writer.writeObject(new JcaPKCS8Generator(SP.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                    JcaPKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword(PASSWORD).build()));
        }
        byte[] pem = text.toString().getBytes(StandardCharsets.US_ASCII);

        assertEquals(SP_CERTIFICATE, UploadedKeyPair.read(pem, PASSWORD, NOW).getEntityCertificate());
        assertRefused(UploadedKeyPair.PASSWORD, "enter its password", pem, new char[0]);
        assertRefused(UploadedKeyPair.PASSWORD, "does not decrypt", pem, "wrong".toCharArray());
    }

    @Test
    void pemWithAnOpenSslEncryptedRsaKeyIsReadWithItsPassword() throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(SP_CERTIFICATE);
            writer.writeObject(SP.getPrivate(), new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(PASSWORD));
        }
        byte[] pem = text.toString().getBytes(StandardCharsets.US_ASCII);

        assertTrue(text.toString().contains("BEGIN RSA PRIVATE KEY"));
        assertEquals(SP_CERTIFICATE, UploadedKeyPair.read(pem, PASSWORD, NOW).getEntityCertificate());
        assertRefused(UploadedKeyPair.PASSWORD, "does not decrypt", pem, "wrong".toCharArray());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        assertRefused(UploadedKeyPair.FILE, "does not belong to the certificate CN=sso.example.com",
                pem(SP_CERTIFICATE, CA.privateKey()), new char[0]);
    }

    @Test
    void pemWithoutKeyOrWithoutCertificateSaysWhatIsMissing() {
        assertRefused(UploadedKeyPair.FILE, "holds no private key", pem(SP_CERTIFICATE), new char[0]);
        assertRefused(UploadedKeyPair.FILE, "holds no certificate", pem(SP.getPrivate()), new char[0]);
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRefusedWithTheDate() {
        X509Certificate expired = CA.issue("CN=old.example.com", SP, NOW.minus(Duration.ofDays(400)), Duration.ofDays(365), null);
        X509Certificate early = CA.issue("CN=early.example.com", SP, NOW.plus(Duration.ofDays(2)), Duration.ofDays(365), null);

        assertRefused(UploadedKeyPair.FILE, "expired on " + expired.getNotAfter().toInstant(),
                pem(expired, SP.getPrivate()), new char[0]);
        assertRefused(UploadedKeyPair.FILE, "is not valid before " + early.getNotBefore().toInstant(),
                pem(early, SP.getPrivate()), new char[0]);
    }

    @Test
    void weakOrNonRsaKeysAreRefused() throws Exception {
        KeyPair small = rsa(1024);
        assertRefused(UploadedKeyPair.FILE, "has 1024 bits; at least 2048",
                pem(CA.issue("CN=small", small, NOW.minusSeconds(60), Duration.ofDays(30), null), small.getPrivate()), new char[0]);

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair p256 = ec.generateKeyPair();
        X509Certificate ecCertificate = CA.issue("CN=ec", p256, NOW.minusSeconds(60), Duration.ofDays(30), null);
        assertRefused(UploadedKeyPair.FILE, "The key is EC", pkcs12(PASSWORD, p256.getPrivate(), ecCertificate), PASSWORD);
    }

    @Test
    void aCertificateOnlyForSigningIsRefusedBecauseTheKeyAlsoDecrypts() {
        X509Certificate signingOnly = CA.issue("CN=signing.example.com", SP, NOW.minusSeconds(60), Duration.ofDays(30),
                KeyUsage.digitalSignature);

        assertRefused(UploadedKeyPair.FILE, "must allow digital signature and key encipherment",
                pem(signingOnly, SP.getPrivate()), new char[0]);
    }

    @Test
    void emptyGarbageAndOversizedFilesAreRefused() {
        assertRefused(UploadedKeyPair.FILE, "Choose a PKCS#12", new byte[0], new char[0]);
        assertRefused(UploadedKeyPair.FILE, "neither a PKCS#12 file", "hello".getBytes(StandardCharsets.US_ASCII), new char[0]);
        assertRefused(UploadedKeyPair.FILE, "at most 65536 bytes", new byte[UploadedKeyPair.MAX_BYTES + 1], new char[0]);
    }

    private static void assertRefused(String field, String fragment, byte[] content, char[] password) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> UploadedKeyPair.read(content, password, NOW));
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }

}
