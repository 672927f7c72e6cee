package org.openenvelope.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.openenvelope.saml.xml.Certificates;

/**
 * What an administrator checks about a certificate: who, by whom, which (fingerprint), until when, and the
 * certificate itself (PEM), to compare with the IdP's or hand on.
 */
public record CertificateView(String subject, String issuer, String sha256Fingerprint, Instant notBefore,
                              Instant notAfter, String pem) {

    public static CertificateView of(X509Certificate certificate) {
        return new CertificateView(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), Certificates.fingerprint(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                Certificates.toPem(certificate));
    }
}
