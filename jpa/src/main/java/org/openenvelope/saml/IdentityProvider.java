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
import jakarta.persistence.ManyToOne;
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

/**
 * The SAML 2.0 identity provider an account federates sign-in with: what the service trusts about it. An account
 * has at most one ACTIVE configuration, in force for sign-ins, and one DRAFT, which administrators edit and test;
 * Enable SSO copies a tested draft into the active one.
 */
@Entity
@Table(name = "identity_provider")
@NamedQuery(name = IdentityProvider.OF_ACCOUNT,
        query = "select i from IdentityProvider i where i.account = :account and i.stage = :stage")
@NamedQuery(name = IdentityProvider.ALL_ACTIVE, query = "select i from IdentityProvider i join fetch i.account"
        + " where i.stage = org.openenvelope.saml.IdpStage.ACTIVE")
@NamedQuery(name = IdentityProvider.EXPIRING, query = "select distinct i from IdentityProvider i join fetch i.account"
        + " left join i.certificates c where c.notAfter < :limit or i.metadataValidUntil < :limit")
public class IdentityProvider {

    public static final String OF_ACCOUNT = "IdentityProvider.ofAccountAndStage";
    public static final String EXPIRING = "IdentityProvider.expiring";
    public static final String ALL_ACTIVE = "IdentityProvider.allActive";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_provider_id")
    @SequenceGenerator(name = "identity_provider_id", sequenceName = "identity_provider_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, updatable = false, length = 8)
    private IdpStage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 16)
    private ConfigurationSource source;

    @Column(name = "metadata_url", length = 2048)
    private String metadataUrl;

    @Column(name = "metadata_trust", length = 16)
    private String metadataTrust;

    @Column(name = "metadata_signature", length = 16)
    private String metadataSignature;

    @Column(name = "metadata_valid_until")
    private Instant metadataValidUntil;

    @Column(name = "metadata_read_at")
    private Instant metadataReadAt;

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

    private IdentityProvider(Account account, IdpStage stage) {
        this.account = account;
        this.stage = stage;
        this.source = ConfigurationSource.MANUAL;
    }

    /** A new draft, as entered by hand. */
    public static IdentityProvider draft(Account account, IdentityProviderSettings settings, String actor, Instant now) {
        IdentityProvider draft = new IdentityProvider(account, IdpStage.DRAFT);
        draft.configure(settings, actor, now);
        return draft;
    }

    /** A draft that starts as a copy of what is in force, to be edited. */
    public IdentityProvider copyAsDraft(String actor, Instant now) {
        IdentityProvider draft = new IdentityProvider(account, IdpStage.DRAFT);
        draft.configure(settings(), actor, now);
        draft.copyOrigin(this);
        return draft;
    }

    /** The configuration that comes into force when Enable SSO promotes a tested draft. */
    public static IdentityProvider activeFrom(IdentityProvider draft, String actor, Instant now) {
        IdentityProvider active = new IdentityProvider(draft.account, IdpStage.ACTIVE);
        active.takeOver(draft, actor, now);
        return active;
    }

    /** Enable SSO on an account that already has an active configuration: it becomes the draft's. */
    public void takeOver(IdentityProvider draft, String actor, Instant now) {
        if (stage != IdpStage.ACTIVE || draft.stage != IdpStage.DRAFT) {
            throw new IllegalStateException("only an active configuration takes over a draft");
        }
        configure(draft.settings(), actor, now);
        copyOrigin(draft);
    }

    private void copyOrigin(IdentityProvider other) {
        source = other.source;
        metadataUrl = other.metadataUrl;
        metadataTrust = other.metadataTrust;
        metadataSignature = other.metadataSignature;
        metadataValidUntil = other.metadataValidUntil;
        metadataReadAt = other.metadataReadAt;
    }

    /** Marks the configuration as read from metadata (a file, or a URL that is refreshed on a schedule). */
    public void readFromMetadata(ConfigurationSource from, String url, String trust, String signature,
                                 Instant validUntil, Instant now) {
        if (from == ConfigurationSource.MANUAL || (from == ConfigurationSource.METADATA_URL) == (url == null)) {
            throw new IllegalArgumentException("metadata comes from a file, or from a URL with its address");
        }
        source = from;
        metadataUrl = url;
        metadataTrust = trust;
        metadataSignature = signature;
        metadataValidUntil = validUntil;
        metadataReadAt = now;
    }

    /** Entered by hand again: no metadata to refresh any more. */
    public void enteredManually() {
        source = ConfigurationSource.MANUAL;
        metadataUrl = null;
        metadataTrust = null;
        metadataSignature = null;
        metadataValidUntil = null;
        metadataReadAt = null;
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

    public List<TrustedCertificate> getCertificates() {
        return List.copyOf(certificates);
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

    public IdpStage getStage() {
        return stage;
    }

    public ConfigurationSource getSource() {
        return source;
    }

    public String getMetadataUrl() {
        return metadataUrl;
    }

    public String getMetadataTrust() {
        return metadataTrust;
    }

    public String getMetadataSignature() {
        return metadataSignature;
    }

    public Instant getMetadataValidUntil() {
        return metadataValidUntil;
    }

    public Instant getMetadataReadAt() {
        return metadataReadAt;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
