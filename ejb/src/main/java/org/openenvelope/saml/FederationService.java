package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.saml.keys.UploadedKeyPair;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataReader;
import org.openenvelope.saml.metadata.MetadataRejectedException;
import org.openenvelope.saml.metadata.MetadataTrust;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.security.AccountAccess;

/**
 * The administrator's side of an account's SAML federation: the SP (entity ID, keys, metadata URL), the identity
 * provider as a draft that is edited (by hand or from metadata), tested with a real sign-in, and only then enabled,
 * and the account's authentication method. The active configuration stays in force until Enable SSO. Every step
 * is audited with what changed.
 */
@Stateless
public class FederationService {

    static final String METADATA_FIELD = "metadata";
    /** How far ahead the portal warns about expiring certificates and metadata. */
    static final java.time.Duration EXPIRY_WARNING = java.time.Duration.ofDays(30);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    MetadataFetcher fetcher;

    @jakarta.ejb.EJB
    MetadataRefresher refresher;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The account's SP; its first key is generated on first use. */
    public ServiceProviderView serviceProvider(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        return ServiceProviderView.of(serviceProviders.ensure(account), new SamlEndpoints(baseUrl, accountNumber));
    }

    /**
     * Sets the SP entity ID the IdP knows this account by; blank returns to the default derived from the base URL.
     * The IdP's configuration must be changed to match, or every sign-in fails the audience check.
     */
    public ServiceProviderView changeServiceProviderEntityId(String accountNumber, String baseUrl, String entityId) {
        Account account = access.account(accountNumber);
        SamlEndpoints endpoints = new SamlEndpoints(baseUrl, accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        String before = provider.entityId(endpoints.defaultEntityId());
        provider.changeEntityId(entityId);
        String after = provider.entityId(endpoints.defaultEntityId());
        if (!before.equals(after)) {
            audit.record(AuditAction.SERVICE_PROVIDER_ENTITY_ID_CHANGED, accountNumber,
                    "SP entity ID changed from " + before + " to " + after);
        }
        return ServiceProviderView.of(provider, endpoints);
    }

    /**
     * Key rollover, step 1: a new key is published in the SP metadata at once (as the next key) but does not sign
     * yet, so IdP administrators can re-import the metadata before it is used.
     */
    public ServiceProviderView addNextServiceProviderKey(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        ServiceProviderKey key = serviceProviders.generateKey(provider);
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_CREATED, accountNumber, "Published the next SP key "
                + key.getFingerprint() + " (self-signed, valid until " + key.getNotAfter() + "); it signs once activated");
        return ServiceProviderView.of(provider, new SamlEndpoints(baseUrl, accountNumber));
    }

    /**
     * Step 1 with a CA-issued certificate: the uploaded key pair (PKCS#12 or PEM) is checked and published as the
     * next key. The password only opens the file; neither it nor the key leaves this method unsealed.
     */
    public ServiceProviderView addUploadedServiceProviderKey(String accountNumber, String baseUrl, byte[] keyFile,
                                                             char[] password) {
        Account account = access.account(accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        ServiceProviderKey key = serviceProviders.uploadKey(provider, UploadedKeyPair.read(keyFile, password, clock.instant()));
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_CREATED, accountNumber, "Published the next SP key "
                + key.getFingerprint() + " (uploaded, " + key.certificate().getSubjectX500Principal().getName()
                + " issued by " + key.certificate().getIssuerX500Principal().getName() + ", valid until "
                + key.getNotAfter() + "); it signs once activated");
        return ServiceProviderView.of(provider, new SamlEndpoints(baseUrl, accountNumber));
    }

    /** Takes back a next key before it signs; it leaves the SP metadata at once. */
    public ServiceProviderView withdrawNextServiceProviderKey(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        ServiceProviderKey withdrawn = provider.withdrawNextKey(clock.instant());
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_RETIRED, accountNumber, "Withdrew the next SP key "
                + withdrawn.getFingerprint() + " before it signed");
        return ServiceProviderView.of(provider, new SamlEndpoints(baseUrl, accountNumber));
    }

    /** Step 2: the next key signs from now on; the one it replaces is still published and still decrypts. */
    public ServiceProviderView activateNextServiceProviderKey(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        provider.activateNextKey(clock.instant());
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_ACTIVATED, accountNumber, "Activated the SP key "
                + provider.activeKey().orElseThrow().getFingerprint());
        return ServiceProviderView.of(provider, new SamlEndpoints(baseUrl, accountNumber));
    }

    /** Step 3: the replaced key leaves the metadata; IdPs must have re-imported it by now. */
    public ServiceProviderView retirePreviousServiceProviderKey(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        provider.retirePreviousKey(clock.instant());
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_RETIRED, accountNumber, "Retired the previous SP key");
        return ServiceProviderView.of(provider, new SamlEndpoints(baseUrl, accountNumber));
    }

    /** The authentication method, both configurations, the latest test, and whether SSO can be enabled. */
    public SsoStatusView status(String accountNumber) {
        Account account = access.account(accountNumber);
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        Optional<SsoTest> latest = latestTest(account);
        String blocked = enableBlockedBecause(draft, latest);
        return new SsoStatusView(account.getAuthenticationMethod(),
                identityProviders.active(account).map(IdentityProviderView::of).orElse(null),
                draft.map(IdentityProviderView::of).orElse(null),
                latest.map(test -> SsoTestView.of(test, draft.isPresent() && test.tested(draft.get()))).orElse(null),
                blocked == null, blocked);
    }

    /** The certificates the draft trusts, or the active configuration's when there is no draft. */
    public List<java.security.cert.X509Certificate> trustedCertificates(String accountNumber) {
        Account account = access.account(accountNumber);
        return current(account).map(IdentityProvider::trustedCertificates).orElse(List.of());
    }

    /**
     * Saves the identity provider as entered by hand into the draft (the active configuration is untouched). All
     * values are checked first and every problem is reported at once; nothing is saved unless all are valid.
     */
    public IdentityProviderView configureIdentityProvider(String accountNumber, IdentityProviderSettings settings) {
        Account account = access.account(accountNumber);
        IdentityProvider draft = saveDraft(account, settings);
        draft.enteredManually();
        return IdentityProviderView.of(draft);
    }

    /**
     * Reads IdP metadata and shows what it says, and what would change in the draft, without saving anything.
     *
     * @param entityId the IdP to read when the document has several; null for the first
     * @throws InvalidValueException naming the {@code metadata} field, for every kind of unusable document
     */
    public MetadataPreview previewIdentityProviderMetadata(String accountNumber, byte[] document, MetadataTrust trust,
                                                           String entityId) {
        Account account = access.account(accountNumber);
        IdentityProviderMetadata metadata = read(document, trust, entityId);
        IdentityProviderSettings proposed = fromMetadata(current(account).map(IdentityProvider::settings).orElse(null), metadata);
        return new MetadataPreview(metadata, changes(current(account).map(IdentityProvider::settings).orElse(null), proposed));
    }

    /** As {@link #previewIdentityProviderMetadata}, with the document read from an https URL now. */
    public MetadataPreview previewIdentityProviderMetadataUrl(String accountNumber, String url, MetadataTrust trust,
                                                              String entityId) {
        access.account(accountNumber);
        return previewIdentityProviderMetadata(accountNumber, fetcher.fetch(url), trust, entityId);
    }

    /**
     * Imports IdP metadata into the draft: entity ID, endpoints, every signing certificate. The account's own
     * choices (clock skew, SHA-1, IdP-initiated sign-in, just-in-time users, alternate email attribute) are kept.
     */
    public MetadataPreview importIdentityProviderMetadata(String accountNumber, byte[] document, MetadataTrust trust,
                                                          String entityId) {
        return importMetadata(accountNumber, document, trust, entityId, MetadataSource.file(trust.requireSignature(), trust.anchors()));
    }

    /**
     * Imports from an https URL, which the service re-reads every {@code refreshHours} once the draft is enabled,
     * verified the same way (the anchors of more secure mode are kept): the IdP's new signing keys and endpoints are
     * picked up without anyone re-importing.
     */
    public MetadataPreview importIdentityProviderMetadataUrl(String accountNumber, String url, MetadataTrust trust,
                                                             String entityId, Integer refreshHours) {
        MetadataSource source = new MetadataSource(url, trust.requireSignature(), trust.anchors(), refreshHours);
        access.account(accountNumber);
        return importMetadata(accountNumber, fetcher.fetch(source.url()), trust, entityId, source);
    }

    private MetadataPreview importMetadata(String accountNumber, byte[] document, MetadataTrust trust, String entityId,
                                           MetadataSource source) {
        Account account = access.account(accountNumber);
        IdentityProviderMetadata metadata = read(document, trust, entityId);
        IdentityProviderSettings proposed = fromMetadata(current(account).map(IdentityProvider::settings).orElse(null), metadata);
        List<String> changes = changes(current(account).map(IdentityProvider::settings).orElse(null), proposed);
        IdentityProvider draft = saveDraft(account, proposed);
        draft.readFromMetadata(source, metadata.signature().name(), metadata.validUntil(), clock.instant());
        audit.record(AuditAction.IDENTITY_PROVIDER_METADATA_IMPORTED, accountNumber, "Imported metadata of "
                + metadata.entityId() + (source.url() == null ? "" : " from " + source.url() + " (refreshed every "
                + source.refreshHours() + " h once enabled)") + " (signature " + metadata.signature().name().toLowerCase()
                + ", " + (trust.requireSignature() ? "more" : "less") + " secure mode) into the draft");
        return new MetadataPreview(metadata, changes);
    }

    /** Reads the active configuration's metadata URL now instead of at the next scheduled refresh. */
    public SsoStatusView refreshIdentityProviderMetadata(String accountNumber) {
        Account account = access.account(accountNumber);
        IdentityProvider active = identityProviders.active(account)
                .filter(idp -> idp.getSource() == ConfigurationSource.METADATA_URL)
                .orElseThrow(() -> new ConflictException("metadataUrl",
                        "The configuration in force was not imported from a metadata URL; there is nothing to refresh."));
        refresher.refresh(active, access.caller().getName());
        return status(accountNumber);
    }

    /**
     * Starts a Test SSO run of the draft; the browser that opens the returned URL performs a real SP-initiated
     * sign-in with the draft, while the active configuration stays in force for everyone else.
     */
    public SsoTestStarted startSsoTest(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        IdentityProvider draft = identityProviders.draft(account).orElseThrow(() -> new ConflictException("draft",
                "There is no draft configuration to test; enter the identity provider or import its metadata first."));
        em.flush();
        SsoTest test = new SsoTest(draft, IdentifierGenerator.next(), access.caller().getName(), clock.instant());
        em.persist(test);
        em.flush();
        audit.record(AuditAction.SSO_TEST_STARTED, accountNumber, "Started Test SSO " + test.getId()
                + " of the draft for " + draft.getEntityId());
        return new SsoTestStarted(test.getId(), new SamlEndpoints(baseUrl, accountNumber).test(test.getId(), test.getUrlKey()));
    }

    public SsoTestView ssoTest(String accountNumber, long testId) {
        Account account = access.account(accountNumber);
        SsoTest test = em.find(SsoTest.class, testId);
        if (test == null || !test.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Test SSO " + testId + " was not found in account " + accountNumber + ".");
        }
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        return SsoTestView.of(test, draft.isPresent() && test.tested(draft.get()));
    }

    /**
     * Enable SSO: the tested draft comes into force and users sign in through the identity provider.
     *
     * @throws ConflictException unless the latest Test SSO passed for the draft exactly as it is now
     */
    public SsoStatusView enableSingleSignOn(String accountNumber) {
        Account account = access.account(accountNumber);
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        String blocked = enableBlockedBecause(draft, latestTest(account));
        if (blocked != null) {
            throw new ConflictException("test", blocked);
        }
        String actor = access.caller().getName();
        Instant now = clock.instant();
        Optional<IdentityProvider> active = identityProviders.active(account);
        String detail = active.map(current -> "SSO configuration changed: " + changes(current.settings(), draft.get().settings()))
                .orElse("SSO enabled with " + draft.get().getEntityId());
        if (active.isPresent()) {
            active.get().takeOver(draft.get(), actor, now);
        } else {
            em.persist(IdentityProvider.activeFrom(draft.get(), actor, now));
        }
        em.remove(draft.get());
        account.useSingleSignOn();
        audit.record(AuditAction.SSO_ENABLED, accountNumber, detail);
        return status(accountNumber);
    }

    /** Back to passwords at once; the SSO configuration is kept for when it is enabled again. */
    public SsoStatusView usePasswordSignIn(String accountNumber) {
        Account account = access.account(accountNumber);
        if (account.getAuthenticationMethod() != AuthenticationMethod.PASSWORD) {
            account.usePassword();
            audit.record(AuditAction.SSO_DISABLED, accountNumber, "Authentication method changed to Password");
        }
        return status(accountNumber);
    }

    /** Certificates and metadata of this account that expire within {@link #EXPIRY_WARNING} (or have expired). */
    public List<ExpiryWarning> expiryWarnings(String accountNumber) {
        Account account = access.account(accountNumber);
        return expiring().stream().filter(w -> w.accountNumber().equals(account.getNumber())).toList();
    }

    /** The service administrator's list: every account's expiring certificates and metadata, soonest first. */
    public List<ExpiryWarning> expiryWarnings() {
        access.requireServiceAdministrator("see every account's expiring certificates");
        return expiring();
    }

    private List<ExpiryWarning> expiring() {
        Instant now = clock.instant();
        Instant limit = now.plus(EXPIRY_WARNING);
        List<ExpiryWarning> warnings = new ArrayList<>();
        for (IdentityProvider idp : em.createNamedQuery(IdentityProvider.EXPIRING, IdentityProvider.class)
                .setParameter("limit", limit).getResultList()) {
            Account account = idp.getAccount();
            String stage = idp.getStage().name().toLowerCase();
            for (TrustedCertificate trusted : idp.getCertificates()) {
                if (trusted.getNotAfter().isBefore(limit)) {
                    java.security.cert.X509Certificate certificate = trusted.certificate();
                    warnings.add(new ExpiryWarning(account.getNumber(), account.getName(), "IdP signing certificate (" + stage + ")",
                            certificate.getSubjectX500Principal().getName(), trusted.getFingerprint(), trusted.getNotAfter(),
                            trusted.getNotAfter().isBefore(now)));
                }
            }
            if (idp.getMetadataValidUntil() != null && idp.getMetadataValidUntil().isBefore(limit)) {
                warnings.add(new ExpiryWarning(account.getNumber(), account.getName(), "IdP metadata (" + stage + ")",
                        idp.getEntityId(), null, idp.getMetadataValidUntil(), idp.getMetadataValidUntil().isBefore(now)));
            }
        }
        for (ServiceProviderKey key : em.createNamedQuery(ServiceProviderKey.EXPIRING, ServiceProviderKey.class)
                .setParameter("limit", limit).getResultList()) {
            Account account = key.getServiceProvider().getAccount();
            warnings.add(new ExpiryWarning(account.getNumber(), account.getName(), "SP key (" + key.getStatus().name()
                    .toLowerCase() + ")", key.certificate().getSubjectX500Principal().getName(), key.getFingerprint(),
                    key.getNotAfter(), key.getNotAfter().isBefore(now)));
        }
        warnings.sort(java.util.Comparator.comparing(ExpiryWarning::expiresAt));
        return warnings;
    }

    private IdentityProvider saveDraft(Account account, IdentityProviderSettings settings) {
        String actor = access.caller().getName();
        Instant now = clock.instant();
        Optional<IdentityProvider> existing = identityProviders.draft(account);
        String detail;
        IdentityProvider draft;
        if (existing.isPresent()) {
            draft = existing.get();
            IdentityProviderSettings before = draft.settings();
            draft.configure(settings, actor, now);
            detail = "Draft identity provider changed: " + changes(before, draft.settings());
        } else {
            draft = IdentityProvider.draft(account, settings, actor, now);
            em.persist(draft);
            detail = "Draft identity provider saved: " + settings.entityId() + ", sign-in at " + settings.ssoUrl()
                    + ", " + settings.certificates().size() + " trusted certificate(s) " + fingerprints(settings);
        }
        audit.record(AuditAction.IDENTITY_PROVIDER_CONFIGURED, account.getNumber(), detail);
        return draft;
    }

    private Optional<IdentityProvider> current(Account account) {
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        return draft.isPresent() ? draft : identityProviders.active(account);
    }

    /** What the metadata says, with the account's own choices kept from {@code kept} (null: defaults). */
    static IdentityProviderSettings fromMetadata(IdentityProviderSettings kept, IdentityProviderMetadata metadata) {
        return new IdentityProviderSettings(metadata.entityId(), metadata.signOn().get(metadata.preferredSignOnBinding()),
                metadata.preferredSignOnBinding(), metadata.logout().get(metadata.preferredLogoutBinding()),
                metadata.preferredLogoutBinding(),
                kept == null ? IdentityProviderSettings.DEFAULT_CLOCK_SKEW_SECONDS : kept.clockSkewSeconds(),
                kept != null && kept.allowSha1(), kept != null && kept.allowIdpInitiated(),
                kept != null && kept.justInTimeUsers(), kept == null ? null : kept.alternateEmailAttribute(),
                metadata.signingCertificates());
    }

    private IdentityProviderMetadata read(byte[] document, MetadataTrust trust, String entityId) {
        if (document == null || document.length == 0) {
            throw new InvalidValueException(METADATA_FIELD, "Choose a metadata file (XML) to import.");
        }
        try {
            return MetadataReader.read(document, trust, entityId == null || entityId.isBlank() ? null : entityId.strip(),
                    clock.instant());
        } catch (MetadataRejectedException e) {
            throw new InvalidValueException(METADATA_FIELD, e.getMessage());
        }
    }

    private Optional<SsoTest> latestTest(Account account) {
        return em.createNamedQuery(SsoTest.LATEST_OF_ACCOUNT, SsoTest.class).setParameter("account", account)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private static String enableBlockedBecause(Optional<IdentityProvider> draft, Optional<SsoTest> latest) {
        if (draft.isEmpty()) {
            return "There is no draft to enable: edit the identity provider or import its metadata, then test it.";
        }
        if (latest.isEmpty() || !latest.get().tested(draft.get())) {
            return "Run Test SSO configuration on the draft as it is now before enabling it.";
        }
        return switch (latest.get().getOutcome()) {
            case PASSED -> null;
            case PENDING -> "The latest Test SSO has not finished; complete the sign-in in its tab.";
            case FAILED -> "The latest Test SSO failed (" + latest.get().getReasonCode() + "); fix the draft and test again.";
        };
    }

    /** What differs between two configurations, for the audit log and the import preview. */
    static List<String> changes(IdentityProviderSettings before, IdentityProviderSettings after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("new identity provider " + after.entityId());
            return changes;
        }
        change(changes, "entity ID", before.entityId(), after.entityId());
        change(changes, "SSO URL", before.ssoUrl(), after.ssoUrl());
        change(changes, "SSO binding", before.ssoBinding(), after.ssoBinding());
        change(changes, "logout URL", before.sloUrl(), after.sloUrl());
        change(changes, "logout binding", before.sloBinding(), after.sloBinding());
        change(changes, "clock skew (s)", before.clockSkewSeconds(), after.clockSkewSeconds());
        change(changes, "SHA-1 allowed", before.allowSha1(), after.allowSha1());
        change(changes, "IdP-initiated sign-in allowed", before.allowIdpInitiated(), after.allowIdpInitiated());
        change(changes, "just-in-time users", before.justInTimeUsers(), after.justInTimeUsers());
        change(changes, "alternate email attribute", before.alternateEmailAttribute(), after.alternateEmailAttribute());
        change(changes, "trusted certificates", fingerprints(before), fingerprints(after));
        return changes;
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }

    private static String fingerprints(IdentityProviderSettings settings) {
        return settings.certificates().stream().map(Certificates::fingerprint).toList().toString();
    }
}
