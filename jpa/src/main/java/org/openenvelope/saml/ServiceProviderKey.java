package org.openenvelope.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.openenvelope.account.Account;
import org.openenvelope.saml.xml.Certificates;

/**
 * A key pair of an account's service provider: it signs our requests and metadata and decrypts assertions. The
 * private key is held only encrypted under the service's master key; this entity never sees it in clear.
 */
@Entity
@Table(name = "sp_key")
@jakarta.persistence.NamedQuery(name = ServiceProviderKey.EXPIRING, query = "select k from ServiceProviderKey k"
        + " join fetch k.serviceProvider s join fetch s.account"
        + " where k.status <> org.openenvelope.saml.KeyStatus.RETIRED and k.notAfter < :limit order by k.notAfter")
public class ServiceProviderKey {

    public static final String EXPIRING = "ServiceProviderKey.expiring";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sp_key_id")
    @SequenceGenerator(name = "sp_key_id", sequenceName = "sp_key_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_provider_id", nullable = false, updatable = false)
    private ServiceProvider serviceProvider;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private KeyStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false, updatable = false, length = 16)
    private KeyOrigin origin;

    @Column(name = "certificate", nullable = false, updatable = false, length = 16000)
    private String certificate;

    @Column(name = "encrypted_private_key", nullable = false, length = 16000)
    private String encryptedPrivateKey;

    @Column(name = "fingerprint", nullable = false, updatable = false, length = 95)
    private String fingerprint;

    @Column(name = "not_after", nullable = false, updatable = false)
    private Instant notAfter;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ServiceProviderKey() {
    }

    ServiceProviderKey(ServiceProvider serviceProvider, KeyOrigin origin, X509Certificate certificate,
                       String encryptedPrivateKey, KeyStatus status, Instant now) {
        this.serviceProvider = serviceProvider;
        this.origin = origin;
        this.certificate = Certificates.toBase64(certificate);
        this.fingerprint = Certificates.fingerprint(certificate);
        this.notAfter = certificate.getNotAfter().toInstant();
        this.encryptedPrivateKey = encryptedPrivateKey;
        this.status = status;
        this.createdAt = now;
        this.activatedAt = status == KeyStatus.ACTIVE ? now : null;
    }

    /** What the private key is sealed for, so that a sealed key copied to another account does not open there. */
    public static String secretPurpose(org.openenvelope.account.Account account) {
        return "saml-sp-key:" + account.getNumber();
    }

    /** The same private key, sealed again (under a new master key after a rotation). */
    public void resealPrivateKey(String resealed) {
        encryptedPrivateKey = resealed;
    }

    void activate(Instant now) {
        status = KeyStatus.ACTIVE;
        activatedAt = now;
    }

    void demote() {
        status = KeyStatus.PREVIOUS;
    }

    void retire(Instant now) {
        status = KeyStatus.RETIRED;
        retiredAt = now;
    }

    public ServiceProvider getServiceProvider() {
        return serviceProvider;
    }

    public X509Certificate certificate() {
        return Certificates.fromBase64(certificate);
    }

    public Long getId() {
        return id;
    }

    public KeyStatus getStatus() {
        return status;
    }

    public KeyOrigin getOrigin() {
        return origin;
    }

    public String getEncryptedPrivateKey() {
        return encryptedPrivateKey;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }
}
