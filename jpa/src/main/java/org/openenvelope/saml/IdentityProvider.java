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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.xml.Certificates;

/**
 * A SAML 2.0 identity provider an account federates sign-in with: what the service trusts about it. An account may
 * have several, each under a name that never changes; of each it has at most one ACTIVE configuration, in force for
 * sign-ins, and one DRAFT, which administrators edit and test; Enable SSO copies a tested draft into the active one.
 * The first one created is the account's default: it serves every address no Profiles entry assigns to another.
 */
@Entity
@Table(name = "identity_provider")
@NamedQuery(name = IdentityProvider.OF_ACCOUNT,
        query = "select i from IdentityProvider i where i.account = :account and i.name = :name and i.stage = :stage")
@NamedQuery(name = IdentityProvider.ALL_OF_ACCOUNT,
        query = "select i from IdentityProvider i where i.account = :account order by i.createdAt, i.name, i.stage")
@NamedQuery(name = IdentityProvider.ALL_ACTIVE, query = "select i from IdentityProvider i join fetch i.account"
        + " where i.stage = org.openenvelope.saml.IdpStage.ACTIVE")
@NamedQuery(name = IdentityProvider.SUBSCRIBED, query = "select i from IdentityProvider i join fetch i.account"
        + " where i.stage = org.openenvelope.saml.IdpStage.ACTIVE"
        + " and i.source = org.openenvelope.saml.ConfigurationSource.METADATA_URL")
@NamedQuery(name = IdentityProvider.EXPIRING, query = "select distinct i from IdentityProvider i join fetch i.account"
        + " left join i.certificates c where c.notAfter < :limit or i.metadataValidUntil < :limit")
public class IdentityProvider {

    public static final String OF_ACCOUNT = "IdentityProvider.ofAccountNameAndStage";
    public static final String ALL_OF_ACCOUNT = "IdentityProvider.allOfAccount";
    /** The name of an account's first identity provider, and of the single one accounts had before. */
    public static final String FIRST_NAME = "primary";
    public static final String NAME_FIELD = "name";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    public static final String EXPIRING = "IdentityProvider.expiring";
    public static final String ALL_ACTIVE = "IdentityProvider.allActive";
    public static final String SUBSCRIBED = "IdentityProvider.subscribed";
    private static final int MAX_PROBLEM = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_provider_id")
    @SequenceGenerator(name = "identity_provider_id", sequenceName = "identity_provider_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "name", nullable = false, updatable = false, length = 40)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, updatable = false, length = 8)
    private IdpStage stage;

    /** When the named identity provider was first saved; draft and active share it. */
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

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

    /** Base64 DER certificates, one per line. */
    @Column(name = "metadata_anchors", length = 200000)
    private String metadataAnchors;

    @Column(name = "metadata_refresh_hours")
    private Integer metadataRefreshHours;

    @Column(name = "metadata_checked_at")
    private Instant metadataCheckedAt;

    @Column(name = "metadata_problem", length = MAX_PROBLEM)
    private String metadataProblem;

    /** The metadata's WantAuthnRequestsSigned as last read; null when entered by hand or read before it was kept. */
    @Column(name = "metadata_wants_signed_requests")
    private Boolean metadataWantsSignedRequests;

    @Column(name = "entity_id", nullable = false, length = 1024)
    private String entityId;

    @Column(name = "sso_url", nullable = false, length = 2048)
    private String ssoUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "sso_binding", nullable = false, length = 16)
    private SamlBinding ssoBinding;

    @Column(name = "sign_authn_requests", nullable = false)
    private boolean signAuthnRequests;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "federation_id_source", nullable = false, length = 16)
    private FederationIdSource federationIdSource;

    @Column(name = "federation_id_attribute", length = 256)
    private String federationIdAttribute;

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

    private IdentityProvider(Account account, String name, IdpStage stage, Instant createdAt) {
        this.account = account;
        this.name = requireName(name);
        this.stage = stage;
        this.createdAt = createdAt;
        this.source = ConfigurationSource.MANUAL;
    }

    /**
     * The name, checked: lower-case letters, digits and inner hyphens, at most 40 (it appears in URLs and audit).
     *
     * @throws InvalidValueException on {@code name} otherwise
     */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidValueException(NAME_FIELD, "The identity provider's name " + (name == null || name.isBlank()
                    ? "is missing" : "\"" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "\" is not allowed")
                    + ": use 1 to 40 lower-case letters, digits and hyphens (not at either end), such as \"entra-emea\".");
        }
        return name;
    }

    /** A new draft, as entered by hand; {@code createdAt} is the named identity provider's, or now for a new one. */
    public static IdentityProvider draft(Account account, String name, Instant createdAt, IdentityProviderSettings settings,
                                         String actor, Instant now) {
        IdentityProvider draft = new IdentityProvider(account, name, IdpStage.DRAFT, createdAt);
        draft.configure(settings, actor, now);
        return draft;
    }

    /** A draft that starts as a copy of what is in force, to be edited. */
    public IdentityProvider copyAsDraft(String actor, Instant now) {
        IdentityProvider draft = new IdentityProvider(account, name, IdpStage.DRAFT, createdAt);
        draft.configure(settings(), actor, now);
        draft.copyOrigin(this);
        return draft;
    }

    /** The configuration that comes into force when Enable SSO promotes a tested draft. */
    public static IdentityProvider activeFrom(IdentityProvider draft, String actor, Instant now) {
        IdentityProvider active = new IdentityProvider(draft.account, draft.name, IdpStage.ACTIVE, draft.createdAt);
        active.takeOver(draft, actor, now);
        return active;
    }

    /** Enable SSO on an account that already has an active configuration: it becomes the draft's. */
    public void takeOver(IdentityProvider draft, String actor, Instant now) {
        if (stage != IdpStage.ACTIVE || draft.stage != IdpStage.DRAFT || !name.equals(draft.name)) {
            throw new IllegalStateException("only an active configuration takes over its own draft");
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
        metadataAnchors = other.metadataAnchors;
        metadataRefreshHours = other.metadataRefreshHours;
        metadataCheckedAt = other.metadataCheckedAt;
        metadataProblem = other.metadataProblem;
        metadataWantsSignedRequests = other.metadataWantsSignedRequests;
    }

    /**
     * Marks the configuration as read from metadata (a file, or a URL that is refreshed on a schedule).
     *
     * @param wantsSignedRequests the IDPSSODescriptor's WantAuthnRequestsSigned (absent: false)
     */
    public void readFromMetadata(MetadataSource from, String signature, Instant validUntil, boolean wantsSignedRequests,
                                 Instant now) {
        source = from.configurationSource();
        metadataUrl = from.url();
        metadataTrust = from.moreSecure() ? "MORE_SECURE" : "LESS_SECURE";
        metadataAnchors = from.anchors().isEmpty() ? null : String.join("\n",
                from.anchors().stream().map(Certificates::toBase64).toList());
        metadataRefreshHours = from.refreshHours();
        metadataSignature = signature;
        metadataValidUntil = validUntil;
        metadataReadAt = now;
        metadataCheckedAt = now;
        metadataProblem = null;
        metadataWantsSignedRequests = wantsSignedRequests;
    }

    /** How the metadata was read, to read it again the same way. */
    public MetadataSource metadataSource() {
        if (source == ConfigurationSource.MANUAL) {
            throw new IllegalStateException("entered by hand, not read from metadata");
        }
        List<X509Certificate> anchors = metadataAnchors == null ? List.of()
                : metadataAnchors.lines().map(Certificates::fromBase64).toList();
        return new MetadataSource(metadataUrl, "MORE_SECURE".equals(metadataTrust), anchors, metadataRefreshHours);
    }

    /**
     * Whether the metadata URL is due to be read again: only configurations in force are kept current by the
     * service; after a failed read it is tried again within the hour, not only at the next interval.
     */
    public boolean metadataRefreshDue(Instant now) {
        int hours = metadataProblem == null ? metadataRefreshHours : 1;
        return stage == IdpStage.ACTIVE && source == ConfigurationSource.METADATA_URL
                && !metadataCheckedAt.plusSeconds(3600L * hours).isAfter(now);
    }

    /** The URL was read and verified; nothing (else) changed. */
    public void metadataChecked(Instant now) {
        metadataCheckedAt = now;
        metadataProblem = null;
    }

    /** The URL could not be read or verified: the configuration stays as it was, and says why. */
    public void metadataRefreshFailed(String problem, Instant now) {
        metadataCheckedAt = now;
        metadataProblem = problem.length() > MAX_PROBLEM ? problem.substring(0, MAX_PROBLEM - 1) + "…" : problem;
    }

    /** Entered by hand again: no metadata to refresh any more. */
    public void enteredManually() {
        source = ConfigurationSource.MANUAL;
        metadataUrl = null;
        metadataTrust = null;
        metadataSignature = null;
        metadataValidUntil = null;
        metadataReadAt = null;
        metadataAnchors = null;
        metadataRefreshHours = null;
        metadataCheckedAt = null;
        metadataProblem = null;
        metadataWantsSignedRequests = null;
    }

    /** Replaces the whole configuration; the settings are validated at {@code now} first. */
    public void configure(IdentityProviderSettings settings, String actor, Instant now) {
        settings.validated(now);
        this.entityId = settings.entityId();
        this.ssoUrl = settings.ssoUrl();
        this.ssoBinding = settings.ssoBinding();
        this.signAuthnRequests = settings.signAuthnRequests();
        this.sloUrl = settings.sloUrl();
        this.sloBinding = settings.sloBinding();
        this.clockSkewSeconds = settings.clockSkewSeconds();
        this.allowSha1 = settings.allowSha1();
        this.allowIdpInitiated = settings.allowIdpInitiated();
        this.justInTimeUsers = settings.justInTimeUsers();
        this.alternateEmailAttribute = settings.alternateEmailAttribute();
        this.federationIdSource = settings.federationIdSource();
        this.federationIdAttribute = settings.federationIdAttribute();
        this.certificates.clear();
        settings.certificates().forEach(certificate -> this.certificates.add(new TrustedCertificate(certificate)));
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public IdentityProviderSettings settings() {
        return new IdentityProviderSettings(entityId, ssoUrl, ssoBinding, signAuthnRequests, sloUrl, sloBinding, clockSkewSeconds,
                allowSha1, allowIdpInitiated, justInTimeUsers, alternateEmailAttribute, federationIdSource,
                federationIdAttribute, trustedCertificates());
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

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
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

    public Integer getMetadataRefreshHours() {
        return metadataRefreshHours;
    }

    public Instant getMetadataCheckedAt() {
        return metadataCheckedAt;
    }

    public String getMetadataProblem() {
        return metadataProblem;
    }

    /**
     * Whether the identity provider's metadata, as last read, says it accepts only signed AuthnRequests; null when
     * the configuration was entered by hand, or imported before the service kept this.
     */
    public Boolean getMetadataWantsSignedRequests() {
        return metadataWantsSignedRequests;
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
