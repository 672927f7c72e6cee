package org.openenvelope.saml.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * Key pairs with self-signed certificates, as the service generates them for an account's SP ("certificate type:
 * self-signed by the service"). SAML peers pin such a certificate from metadata, so the certificate is only a
 * key container; it still carries sensible key usages and an expiry, which the portal warns about.
 */
public final class SelfSignedCertificates {

    /** RSA 3072 signs and decrypts with every IdP we know (Entra ID, ADFS, Duo, Keycloak) and lasts beyond 2030. */
    public static final int RSA_BITS = 3072;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    /** A new RSA key and a certificate for {@code subject}, valid from now for {@code validity}. */
    public static BasicX509Credential generate(String commonName, Instant now, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + commonName.replaceAll("[,+=\"\\\\<>;#]", "_"));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(159, RANDOM).add(BigInteger.ONE), Date.from(now.minusSeconds(300)),
                    Date.from(now.plus(validity)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new BasicX509Credential(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("Could not generate a key pair and certificate", e);
        }
    }
}
