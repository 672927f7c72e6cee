package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.keys.UploadedKeyPair;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataTrust;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.saml.xml.OpenSaml;

/**
 * The Details tab's single sign-on page: the SP this service is for the account, the identity provider's draft
 * (manual entry with certificate upload, or metadata import with a preview), Test SSO, Enable, and the
 * authentication method. Logic stays in {@link FederationService}; this bean holds the form.
 */
@Named("sso")
@ViewScoped
public class SsoBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_UPLOAD = OpenSaml.MAX_DOCUMENT_BYTES;
    private static final Map<String, String> IMPORT_FIELDS = Map.of(FederationService.METADATA_FIELD, "import:metadataFile",
            "anchor", "import:anchorFile", MetadataFetcher.FIELD, "import:metadataUrl", "refreshHours", "import:refreshHours");

    @EJB
    FederationService federation;

    @Inject
    AccountTabBean tab;

    @Inject
    BaseUrl baseUrl;

    private transient ServiceProviderView serviceProvider;
    private transient SsoStatusView status;
    private String spEntityId;

    // manual entry
    private String entityId;
    private String ssoUrl;
    private SamlBinding ssoBinding = SamlBinding.HTTP_REDIRECT;
    private String sloUrl;
    private SamlBinding sloBinding = SamlBinding.HTTP_REDIRECT;
    private int clockSkewSeconds = IdentityProviderSettings.DEFAULT_CLOCK_SKEW_SECONDS;
    private boolean allowSha1;
    private boolean allowIdpInitiated;
    private boolean justInTimeUsers;
    private String alternateEmailAttribute;
    private transient Part certificate;

    private transient Part keyFile;

    /** Only for the one request that uploads the key pair; never rendered back. */
    private transient String keyPassword;

    // metadata import
    private transient Part metadataFile;
    private byte[] metadata;
    private boolean moreSecure = true;
    private transient Part anchorFile;
    private List<X509Certificate> anchors = List.of();
    private String metadataEntityId;
    private String metadataUrl;
    private Integer refreshHours = MetadataSource.DEFAULT_REFRESH_HOURS;
    private transient MetadataPreview preview;

    public void load() throws IOException {
        if (!tab.open(AccountTab.DETAILS)) {
            return;
        }
        refresh();
        IdentityProviderView current = status.draft() != null ? status.draft() : status.active();
        if (current != null) {
            entityId = current.entityId();
            ssoUrl = current.ssoUrl();
            ssoBinding = current.ssoBinding();
            sloUrl = current.sloUrl();
            sloBinding = current.sloBinding();
            clockSkewSeconds = current.clockSkewSeconds();
            allowSha1 = current.allowSha1();
            allowIdpInitiated = current.allowIdpInitiated();
            justInTimeUsers = current.justInTimeUsers();
            alternateEmailAttribute = current.alternateEmailAttribute();
        }
    }

    private void refresh() {
        serviceProvider = federation.serviceProvider(tab.getNumber(), baseUrl.of(request()));
        status = federation.status(tab.getNumber());
        if (spEntityId == null) {
            spEntityId = serviceProvider.customEntityId() ? serviceProvider.entityId() : "";
        }
    }

    public String saveServiceProvider() {
        try {
            federation.changeServiceProviderEntityId(tab.getNumber(), baseUrl.of(request()), spEntityId);
            FormErrors.info("The SP entity ID is now " + federation.serviceProvider(tab.getNumber(), baseUrl.of(request())).entityId()
                    + ". Give the identity provider the same value.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("entityId", "serviceProvider:spEntityId"));
            return null;
        }
    }

    public String addNextKey() {
        return keyStep(() -> federation.addNextServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "A next key is published in the SP metadata. Let the identity provider re-import the metadata, then activate it.");
    }

    public String activateNextKey() {
        return keyStep(() -> federation.activateNextServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "The next key signs from now on; the previous key is still published and decrypts until you retire it.");
    }

    public String retirePreviousKey() {
        return keyStep(() -> federation.retirePreviousServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "The previous key is retired and no longer in the SP metadata.");
    }

    public String withdrawNextKey() {
        return keyStep(() -> federation.withdrawNextServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "The next key is withdrawn and no longer in the SP metadata.");
    }

    public String uploadNextKey() {
        char[] password = keyPassword == null ? new char[0] : keyPassword.toCharArray();
        keyPassword = null;
        try {
            byte[] content = keyFile == null || keyFile.getSize() == 0 ? new byte[0] : read(keyFile, UploadedKeyPair.FILE);
            federation.addUploadedServiceProviderKey(tab.getNumber(), baseUrl.of(request()), content, password);
            FormErrors.info("The uploaded key is published as the next key. Let the identity provider re-import the"
                    + " SP metadata, then activate it.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(UploadedKeyPair.FILE, "serviceProvider:keyFile",
                    UploadedKeyPair.PASSWORD, "serviceProvider:keyPassword"));
            return null;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private String keyStep(Runnable step, String done) {
        try {
            step.run();
            FormErrors.info(done);
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    /** Saves the manual entry as the draft; an uploaded certificate replaces the trusted ones. */
    public String saveDraft() {
        try {
            List<X509Certificate> certificates = certificate != null && certificate.getSize() > 0
                    ? List.of(readCertificate(certificate, "certificates")) : currentCertificates();
            federation.configureIdentityProvider(tab.getNumber(), new IdentityProviderSettings(entityId, ssoUrl,
                    ssoBinding, sloUrl, sloBinding, clockSkewSeconds, allowSha1, allowIdpInitiated, justInTimeUsers,
                    alternateEmailAttribute, certificates));
            FormErrors.info("The draft is saved. The active configuration stays in force until you test and enable the draft.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, new java.util.HashMap<>(Map.of("entityId", "draft:entityId",
                    "ssoUrl", "draft:ssoUrl", "sloUrl", "draft:sloUrl", "clockSkewSeconds", "draft:clockSkewSeconds",
                    "certificates", "draft:certificate", "alternateEmailAttribute", "draft:alternateEmailAttribute")));
            return null;
        }
    }

    /** Reads the uploaded metadata (or the URL) and shows what it says and what would change; nothing is saved. */
    public void previewMetadata() {
        try {
            if (anchorFile != null && anchorFile.getSize() > 0) {
                anchors = List.of(readCertificate(anchorFile, "anchor"));
            }
            if (metadataFile != null && metadataFile.getSize() > 0) {
                metadata = read(metadataFile, FederationService.METADATA_FIELD);
                metadataUrl = null;
            }
            preview = fromUrl()
                    ? federation.previewIdentityProviderMetadataUrl(tab.getNumber(), metadataUrl, trust(), metadataEntityId)
                    : federation.previewIdentityProviderMetadata(tab.getNumber(), metadata, trust(), metadataEntityId);
        } catch (ServiceException refusal) {
            preview = null;
            FormErrors.show(refusal, IMPORT_FIELDS);
        }
    }

    public String importMetadata() {
        try {
            if (fromUrl()) {
                federation.importIdentityProviderMetadataUrl(tab.getNumber(), metadataUrl, trust(), metadataEntityId, refreshHours);
                FormErrors.info("The metadata is imported into the draft; once enabled, it is re-read from " + metadataUrl
                        + " every " + refreshHours + " hours. Test it, then enable it.");
            } else {
                federation.importIdentityProviderMetadata(tab.getNumber(), metadata, trust(), metadataEntityId);
                FormErrors.info("The metadata is imported into the draft. Test it, then enable it.");
            }
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, IMPORT_FIELDS);
            return null;
        }
    }

    public String refreshMetadata() {
        try {
            federation.refreshIdentityProviderMetadata(tab.getNumber());
            var active = federation.status(tab.getNumber()).active();
            if (active.metadataProblem() == null) {
                FormErrors.info("The metadata was re-read from " + active.metadataUrl() + " and applied.");
            } else {
                FormErrors.error("The metadata was not applied: " + active.metadataProblem());
            }
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    private boolean fromUrl() {
        return metadataUrl != null && !metadataUrl.isBlank() && (metadata == null || metadata.length == 0);
    }

    public String enable() {
        try {
            federation.enableSingleSignOn(tab.getNumber());
            FormErrors.info("SSO is enabled: users of this account now sign in through the identity provider.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String usePassword() {
        federation.usePasswordSignIn(tab.getNumber());
        FormErrors.info("Users of this account sign in with passwords again. The SSO configuration is kept.");
        return tab.reload();
    }

    private MetadataTrust trust() {
        return moreSecure ? MetadataTrust.moreSecure(anchors) : MetadataTrust.lessSecure();
    }

    private List<X509Certificate> currentCertificates() {
        return federation.trustedCertificates(tab.getNumber());
    }

    private static X509Certificate readCertificate(Part part, String field) {
        try {
            return Certificates.fromDer(read(part, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "The file " + part.getSubmittedFileName() + " " + e.getMessage() + ".");
        }
    }

    private static byte[] read(Part part, String field) {
        if (part.getSize() > MAX_UPLOAD) {
            throw new InvalidValueException(field, "The file " + part.getSubmittedFileName() + " is " + part.getSize()
                    + " bytes; at most " + MAX_UPLOAD + " are accepted.");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidValueException(field, "The file could not be read: " + e.getMessage());
        }
    }

    private static HttpServletRequest request() {
        return Faces.getRequest();
    }

    /** Whether the SP has a key in this rollover status (NEXT, PREVIOUS, …). */
    public boolean hasKey(String status) {
        return getServiceProvider().keys().stream().anyMatch(key -> key.status().name().equals(status));
    }

    public List<SamlBinding> getBindings() {
        return List.of(SamlBinding.values());
    }

    public List<CertificateView> getPreviewCertificates() {
        return preview == null ? List.of() : preview.metadata().signingCertificates().stream().map(CertificateView::of).toList();
    }

    public List<Map.Entry<SamlBinding, String>> getPreviewSignOn() {
        return preview == null ? List.of() : new ArrayList<>(preview.metadata().signOn().entrySet());
    }

    public ServiceProviderView getServiceProvider() {
        if (serviceProvider == null) {
            refresh();
        }
        return serviceProvider;
    }

    public SsoStatusView getStatus() {
        if (status == null) {
            refresh();
        }
        return status;
    }

    public MetadataPreview getPreview() {
        return preview;
    }

    public String getSpEntityId() { return spEntityId; }
    public void setSpEntityId(String spEntityId) { this.spEntityId = spEntityId; }
    public String getEntityId() { return entityId; }
    public void setEntityId(String entityId) { this.entityId = entityId; }
    public String getSsoUrl() { return ssoUrl; }
    public void setSsoUrl(String ssoUrl) { this.ssoUrl = ssoUrl; }
    public SamlBinding getSsoBinding() { return ssoBinding; }
    public void setSsoBinding(SamlBinding ssoBinding) { this.ssoBinding = ssoBinding; }
    public String getSloUrl() { return sloUrl; }
    public void setSloUrl(String sloUrl) { this.sloUrl = sloUrl; }
    public SamlBinding getSloBinding() { return sloBinding; }
    public void setSloBinding(SamlBinding sloBinding) { this.sloBinding = sloBinding; }
    public int getClockSkewSeconds() { return clockSkewSeconds; }
    public void setClockSkewSeconds(int clockSkewSeconds) { this.clockSkewSeconds = clockSkewSeconds; }
    public boolean isAllowSha1() { return allowSha1; }
    public void setAllowSha1(boolean allowSha1) { this.allowSha1 = allowSha1; }
    public boolean isAllowIdpInitiated() { return allowIdpInitiated; }
    public void setAllowIdpInitiated(boolean allowIdpInitiated) { this.allowIdpInitiated = allowIdpInitiated; }
    public boolean isJustInTimeUsers() { return justInTimeUsers; }
    public void setJustInTimeUsers(boolean justInTimeUsers) { this.justInTimeUsers = justInTimeUsers; }
    public String getAlternateEmailAttribute() { return alternateEmailAttribute; }
    public void setAlternateEmailAttribute(String alternateEmailAttribute) { this.alternateEmailAttribute = alternateEmailAttribute; }
    public Part getKeyFile() { return keyFile; }
    public void setKeyFile(Part keyFile) { this.keyFile = keyFile; }
    public String getKeyPassword() { return null; }
    public void setKeyPassword(String keyPassword) { this.keyPassword = keyPassword; }
    public Part getCertificate() { return certificate; }
    public void setCertificate(Part certificate) { this.certificate = certificate; }
    public Part getMetadataFile() { return metadataFile; }
    public void setMetadataFile(Part metadataFile) { this.metadataFile = metadataFile; }
    public boolean isMoreSecure() { return moreSecure; }
    public void setMoreSecure(boolean moreSecure) { this.moreSecure = moreSecure; }
    public Part getAnchorFile() { return anchorFile; }
    public void setAnchorFile(Part anchorFile) { this.anchorFile = anchorFile; }
    public String getMetadataUrl() { return metadataUrl; }
    public void setMetadataUrl(String metadataUrl) { this.metadataUrl = metadataUrl; }
    public Integer getRefreshHours() { return refreshHours; }
    public void setRefreshHours(Integer refreshHours) { this.refreshHours = refreshHours; }
    public String getMetadataEntityId() { return metadataEntityId; }
    public void setMetadataEntityId(String metadataEntityId) { this.metadataEntityId = metadataEntityId; }
}
