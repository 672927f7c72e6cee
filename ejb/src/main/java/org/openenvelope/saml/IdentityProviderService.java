package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataReader;
import org.openenvelope.saml.metadata.MetadataRejectedException;
import org.openenvelope.saml.metadata.MetadataTrust;

/**
 * One of the account's identity providers, by name, as a draft that is edited, by hand or from metadata (file or
 * URL, previewed first), while its active configuration stays in force until Enable SSO ({@link SsoActivation}).
 * Saving a draft under a new name adds an identity provider. Every change is audited with what changed.
 */
@Stateless
public class IdentityProviderService {

    /** The form field and API property that metadata problems are reported on. */
    public static final String METADATA_FIELD = "metadata";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    MetadataFetcher fetcher;

    @EJB
    MetadataRefresher refresher;

    @EJB
    SsoActivation activation;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The name of the account's default identity provider: the first created, or the first one's name to be. */
    public String defaultIdentityProvider(String accountNumber) {
        return identityProviders.defaultName(access.account(accountNumber));
    }

    /** The certificates the draft trusts, or the active configuration's when there is no draft. */
    public List<X509Certificate> trustedCertificates(String accountNumber, String identityProvider) {
        return current(access.account(accountNumber), identityProvider).map(IdentityProvider::trustedCertificates)
                .orElse(List.of());
    }

    /**
     * Saves the identity provider as entered by hand into the draft (the active configuration is untouched). All
     * values are checked first and every problem is reported at once; nothing is saved unless all are valid. When
     * the identity provider itself is the same as imported, only its options change.
     */
    public IdentityProviderView configureIdentityProvider(String accountNumber, String identityProvider,
                                                          IdentityProviderSettings settings) {
        Account account = access.account(accountNumber);
        boolean onlyOptionsChanged = current(account, identityProvider).filter(c -> c.getSource() != ConfigurationSource.MANUAL
                && IdentityProviderChanges.sameIdentityProvider(c.settings(), settings)).isPresent();
        if (onlyOptionsChanged) {
            // an imported configuration stays imported (and its URL refreshed) when only the account's choices change
            return changeIdentityProviderOptions(accountNumber, identityProvider, IdentityProviderOptions.of(settings));
        }
        IdentityProvider draft = saveDraft(account, identityProvider, settings);
        draft.enteredManually();
        return IdentityProviderView.of(draft);
    }

    /**
     * Reads IdP metadata and shows what it says, and what would change in the draft, without saving anything.
     *
     * @param entityId the IdP to read when the document has several; null for the first
     * @throws InvalidValueException naming the {@code metadata} field, for every kind of unusable document; naming
     *                               {@code signAuthnRequests} when {@code options} turn signing off for an IdP whose
     *                               metadata says it accepts only signed requests
     */
    public MetadataPreview previewIdentityProviderMetadata(String accountNumber, String identityProvider, byte[] document,
                                                           MetadataTrust trust, String entityId,
                                                           IdentityProviderOptions options) {
        IdentityProviderSettings kept = current(access.account(accountNumber), identityProvider)
                .map(IdentityProvider::settings).orElse(null);
        IdentityProviderMetadata metadata = read(document, trust, entityId);
        IdentityProviderSettings proposed = options.applyTo(IdentityProviderChanges.fromMetadata(kept, metadata));
        AuthnRequestSigning.requireAccepted(proposed, metadata.wantAuthnRequestsSigned());
        return new MetadataPreview(metadata, IdentityProviderChanges.between(kept, proposed));
    }

    /** As {@link #previewIdentityProviderMetadata}, with the document read from an https URL now. */
    public MetadataPreview previewIdentityProviderMetadataUrl(String accountNumber, String identityProvider, String url,
                                                              MetadataTrust trust, String entityId,
                                                              IdentityProviderOptions options) {
        access.account(accountNumber);
        return previewIdentityProviderMetadata(accountNumber, identityProvider, fetcher.fetch(url), trust, entityId, options);
    }

    /**
     * Imports IdP metadata into the draft: entity ID, endpoints, every signing certificate, and whether AuthnRequests
     * are signed (as its WantAuthnRequestsSigned asks, unless {@code options} choose). The account's own choices
     * (clock skew, SHA-1, IdP-initiated sign-in, just-in-time users, the attributes) are kept, or set by
     * {@code options}.
     *
     * @throws InvalidValueException as {@link #previewIdentityProviderMetadata}; nothing is saved then
     */
    public MetadataPreview importIdentityProviderMetadata(String accountNumber, String identityProvider, byte[] document,
                                                          MetadataTrust trust, String entityId,
                                                          IdentityProviderOptions options) {
        return importMetadata(access.account(accountNumber), identityProvider, document, trust, entityId,
                MetadataSource.file(trust.requireSignature(), trust.anchors()), options);
    }

    /**
     * Imports from an https URL, which the service re-reads every {@code refreshHours} once the draft is enabled,
     * verified the same way (the anchors of more secure mode are kept): the IdP's new signing keys and endpoints are
     * picked up without anyone re-importing.
     */
    public MetadataPreview importIdentityProviderMetadataUrl(String accountNumber, String identityProvider, String url,
                                                             MetadataTrust trust, String entityId, Integer refreshHours,
                                                             IdentityProviderOptions options) {
        MetadataSource source = new MetadataSource(url, trust.requireSignature(), trust.anchors(), refreshHours);
        Account account = access.account(accountNumber);
        return importMetadata(account, identityProvider, fetcher.fetch(source.url()), trust, entityId, source, options);
    }

    /**
     * Changes the account's own choices on the draft, made from the configuration in force when there is none,
     * and keeps where the rest came from: an imported configuration stays imported (and its URL refreshed).
     *
     * @throws ConflictException     when there is no identity provider yet
     * @throws InvalidValueException naming {@code signAuthnRequests} when signing is turned off for an imported IdP
     *                               whose metadata says it accepts only signed requests
     */
    public IdentityProviderView changeIdentityProviderOptions(String accountNumber, String identityProvider,
                                                              IdentityProviderOptions options) {
        Account account = access.account(accountNumber);
        String actor = access.caller().getName();
        Instant now = clock.instant();
        IdentityProvider draft = identityProviders.draft(account, identityProvider).orElseGet(() -> {
            IdentityProvider copy = identityProviders.active(account, identityProvider).orElseThrow(() -> new ConflictException(
                    "identityProvider", "There is no identity provider \"" + identityProvider
                    + "\" yet; enter it or import its metadata first."))
                    .copyAsDraft(actor, now);
            em.persist(copy);
            return copy;
        });
        IdentityProviderSettings before = draft.settings();
        IdentityProviderSettings after = options.applyTo(before);
        AuthnRequestSigning.requireAccepted(after, draft.getMetadataWantsSignedRequests());
        draft.configure(after, actor, now);
        audit.record(AuditAction.IDENTITY_PROVIDER_CONFIGURED, accountNumber, "Draft of identity provider "
                + identityProvider + ": options changed: " + IdentityProviderChanges.between(before, draft.settings()));
        return IdentityProviderView.of(draft);
    }

    /**
     * Identifies users by what a Test SSO received: the NameID ({@code attribute} null) or one of the attributes
     * the identity provider sent. The draft changes, so it is tested again before it can be enabled.
     *
     * @throws InvalidValueException when the test did not receive that attribute, or only a transient NameID
     */
    public IdentityProviderView identifyUsersAsTested(String accountNumber, long testId, String attribute) {
        Account account = access.account(accountNumber);
        SsoTest test = em.find(SsoTest.class, testId);
        if (test == null || !test.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Test SSO " + testId + " was not found in account " + accountNumber + ".");
        }
        if (attribute == null ? !SsoTestView.nameIdIdentifies(test.getReceivedNameIdFormat())
                : !test.getReceivedAttributes().contains(attribute)) {
            throw new InvalidValueException("federationIdAttribute", attribute == null
                    ? "Test SSO " + testId + " received no NameID that lasts beyond one sign-in (format "
                    + test.getReceivedNameIdFormat() + "); choose an attribute."
                    : "Test SSO " + testId + " did not receive the attribute \"" + attribute + "\"; it received "
                    + test.getReceivedAttributes() + ".");
        }
        return changeIdentityProviderOptions(accountNumber, test.getIdentityProviderName(),
                IdentityProviderOptions.identifyingUsersBy(attribute));
    }

    /** Reads the active configuration's metadata URL now instead of at the next scheduled refresh. */
    public SsoStatusView refreshIdentityProviderMetadata(String accountNumber, String identityProvider) {
        Account account = access.account(accountNumber);
        IdentityProvider active = identityProviders.active(account, identityProvider)
                .filter(idp -> idp.getSource() == ConfigurationSource.METADATA_URL)
                .orElseThrow(() -> new ConflictException("metadataUrl",
                        "The configuration in force was not imported from a metadata URL; there is nothing to refresh."));
        refresher.refresh(active, access.caller().getName());
        return activation.status(accountNumber, identityProvider);
    }

    private MetadataPreview importMetadata(Account account, String identityProvider, byte[] document,
                                           MetadataTrust trust, String entityId, MetadataSource source,
                                           IdentityProviderOptions options) {
        IdentityProviderMetadata metadata = read(document, trust, entityId);
        IdentityProviderSettings kept = current(account, identityProvider).map(IdentityProvider::settings).orElse(null);
        IdentityProviderSettings proposed = options.applyTo(IdentityProviderChanges.fromMetadata(kept, metadata));
        AuthnRequestSigning.requireAccepted(proposed, metadata.wantAuthnRequestsSigned());
        List<String> changes = IdentityProviderChanges.between(kept, proposed);
        IdentityProvider draft = saveDraft(account, identityProvider, proposed);
        draft.readFromMetadata(source, metadata.signature().name(), metadata.validUntil(),
                metadata.wantAuthnRequestsSigned(), clock.instant());
        audit.record(AuditAction.IDENTITY_PROVIDER_METADATA_IMPORTED, account.getNumber(), "Imported metadata of "
                + metadata.entityId() + (source.url() == null ? "" : " from " + source.url() + " (refreshed every "
                + source.refreshHours() + " h once enabled)") + " (signature " + metadata.signature().name().toLowerCase()
                + ", " + (trust.requireSignature() ? "more" : "less") + " secure mode) into the draft of identity provider "
                + identityProvider);
        return new MetadataPreview(metadata, changes);
    }

    private IdentityProvider saveDraft(Account account, String identityProvider, IdentityProviderSettings settings) {
        IdentityProvider.requireName(identityProvider);
        String actor = access.caller().getName();
        Instant now = clock.instant();
        Optional<IdentityProvider> existing = identityProviders.draft(account, identityProvider);
        String detail;
        IdentityProvider draft;
        if (existing.isPresent()) {
            draft = existing.get();
            IdentityProviderSettings before = draft.settings();
            draft.configure(settings, actor, now);
            detail = "Draft of identity provider " + identityProvider + " changed: "
                    + IdentityProviderChanges.between(before, draft.settings());
        } else {
            Optional<IdentityProvider> active = identityProviders.active(account, identityProvider);
            draft = IdentityProvider.draft(account, identityProvider, active.map(IdentityProvider::getCreatedAt).orElse(now),
                    settings, actor, now);
            em.persist(draft);
            detail = "Draft of identity provider " + identityProvider + (active.isPresent() ? "" : " (new)")
                    + " saved: " + settings.entityId() + ", sign-in at " + settings.ssoUrl()
                    + ", " + settings.certificates().size() + " trusted certificate(s) "
                    + IdentityProviderChanges.fingerprints(settings);
        }
        audit.record(AuditAction.IDENTITY_PROVIDER_CONFIGURED, account.getNumber(), detail);
        return draft;
    }

    /** The draft, or the configuration in force when there is none: what an edit or an import starts from. */
    private Optional<IdentityProvider> current(Account account, String identityProvider) {
        Optional<IdentityProvider> draft = identityProviders.draft(account, identityProvider);
        return draft.isPresent() ? draft : identityProviders.active(account, identityProvider);
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
}
