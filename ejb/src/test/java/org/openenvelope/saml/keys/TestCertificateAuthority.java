package org.openenvelope.saml.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** An issuing CA for tests of CA-issued SP key pairs, and the file formats administrators bring them in. */
public final class TestCertificateAuthority {

    public static final String NAME = "CN=Example Issuing CA";
    public static final int SP_KEY_USAGE = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair keys = rsa(2048);
    private final X509Certificate certificate = selfSigned();

    private X509Certificate selfSigned() {
        try {
            Instant from = Instant.now().minus(Duration.ofDays(400));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Principal(NAME),
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(from.plus(Duration.ofDays(3650))),
                    new X500Principal(NAME), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** A certificate for {@code subject}'s key; {@code usage} null leaves the key usage extension out. */
    public X509Certificate issue(String subject, KeyPair subjectKeys, Instant from, Duration validity, Integer usage) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Principal(NAME),
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(from.plus(validity)),
                    new X500Principal(subject), subjectKeys.getPublic());
            if (usage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS server certificate for {@code ipAddress} (a subjectAltName, as hostname checks require). */
    public X509Certificate issueTlsServer(String ipAddress, KeyPair serverKeys) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Principal(NAME),
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(Instant.now().minusSeconds(300)),
                    Date.from(Instant.now().plus(Duration.ofDays(2))), new X500Principal("CN=" + ipAddress), serverKeys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pkcs12(char[] password, PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sp", key, password, chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM blocks of certificates, keys, or BouncyCastle generators, in the order given. */
    public static byte[] pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
