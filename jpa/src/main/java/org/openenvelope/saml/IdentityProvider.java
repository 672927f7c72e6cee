package org.openenvelope.saml;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.saml.binding.SamlBinding;

/** The SAML 2.0 identity provider an account federates sign-in with: what the service trusts about it. */
@Entity
@Table(name = "identity_provider")
@NamedQuery(name = IdentityProvider.OF_ACCOUNT, query = "select i from IdentityProvider i where i.account = :account")
public class IdentityProvider {

    public static final String OF_ACCOUNT = "IdentityProvider.ofAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_provider_id")
    @SequenceGenerator(name = "identity_provider_id", sequenceName = "identity_provider_id_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false, unique = true)
    private Account account;

    @Column(name = "entity_id", nullable = false, length = 1024)
    private String entityId;

    @Column(name = "sso_url", nullable = false, length = 2048)
    private String ssoUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "sso_binding", nullable = false, length = 16)
    private SamlBinding ssoBinding;

    @Column(name = "slo_url", length = 2048)
    private String sloUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "slo_binding", nullable = false, length = 16)
    private SamlBinding sloBinding;

    @Column(name = "clock_skew_seconds", nullable = false)
    private int clockSkewSeconds;

    @Column(name = "allow_sha1", nullable = false)
    private boolean allowSha1;

    @Column(name = "allow_idp_initiated", nullable = false)
    private boolean allowIdpInitiated;

    @Column(name = "just_in_time_users", nullable = false)
    private boolean justInTimeUsers;

    @Column(name = "alternate_email_attribute", length = 256)
    private String alternateEmailAttribute;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "identity_provider_certificate", joinColumns = @JoinColumn(name = "identity_provider_id"))
    @OrderColumn(name = "list_index")
    private List<TrustedCertificate> certificates = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IdentityProvider() {
    }

    public IdentityProvider(Account account, IdentityProviderSettings settings, String actor, Instant now) {
        this.account = account;
        configure(settings, actor, now);
    }

    /** Replaces the whole configuration; the settings are validated at {@code now} first. */
    public void configure(IdentityProviderSettings settings, String actor, Instant now) {
        settings.validated(now);
        this.entityId = settings.entityId();
        this.ssoUrl = settings.ssoUrl();
        this.ssoBinding = settings.ssoBinding();
        this.sloUrl = settings.sloUrl();
        this.sloBinding = settings.sloBinding();
        this.clockSkewSeconds = settings.clockSkewSeconds();
        this.allowSha1 = settings.allowSha1();
        this.allowIdpInitiated = settings.allowIdpInitiated();
        this.justInTimeUsers = settings.justInTimeUsers();
        this.alternateEmailAttribute = settings.alternateEmailAttribute();
        this.certificates.clear();
        settings.certificates().forEach(certificate -> this.certificates.add(new TrustedCertificate(certificate)));
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public IdentityProviderSettings settings() {
        return new IdentityProviderSettings(entityId, ssoUrl, ssoBinding, sloUrl, sloBinding, clockSkewSeconds,
                allowSha1, allowIdpInitiated, justInTimeUsers, alternateEmailAttribute, trustedCertificates());
    }

    public List<X509Certificate> trustedCertificates() {
        return certificates.stream().map(TrustedCertificate::certificate).toList();
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getEntityId() {
        return entityId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
