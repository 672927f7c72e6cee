package org.openenvelope.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.openenvelope.saml.xml.Certificates;

/** One of the IdP's signing certificates the account trusts. */
@Embeddable
public class TrustedCertificate {

    @Column(name = "certificate", nullable = false, length = 16000)
    private String certificate;

    @Column(name = "fingerprint", nullable = false, length = 95)
    private String fingerprint;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    protected TrustedCertificate() {
    }

    public TrustedCertificate(X509Certificate certificate) {
        this.certificate = Certificates.toBase64(certificate);
        this.fingerprint = Certificates.fingerprint(certificate);
        this.notAfter = certificate.getNotAfter().toInstant();
    }

    public X509Certificate certificate() {
        return Certificates.fromBase64(certificate);
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public Instant getNotAfter() {
        return notAfter;
    }
}
