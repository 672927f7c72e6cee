package org.openenvelope.saml.xml;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** X.509 certificates as the service stores them (base64 DER) and as administrators compare them (fingerprints). */
public final class Certificates {

    private Certificates() {
    }

    public static String toBase64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    /** The certificate as PEM text, 64 base64 characters a line, as IdPs and tools expect it. */
    public static String toPem(X509Certificate certificate) {
        try {
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    public static X509Certificate fromBase64(String base64) {
        return fromDer(Base64.getMimeDecoder().decode(base64));
    }

    /**
     * @throws IllegalArgumentException when the bytes are not one X.509 certificate (PEM or DER)
     */
    public static X509Certificate fromDer(byte[] encoded) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("is not an X.509 certificate (PEM or DER)");
        }
    }

    /** The SHA-256 fingerprint as colon-separated upper-case hex, as IdP consoles show it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
