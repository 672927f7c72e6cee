package org.openenvelope.saml;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataTrust;

/**
 * The single sign-on page's metadata import form: the identity provider's metadata from a file or an https URL,
 * checked in the chosen trust mode, previewed, and only then imported into the draft. The view keeps the uploaded
 * document between Preview and Import.
 */
@Named("ssoImport")
@ViewScoped
public class SsoImportBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> IMPORT_FIELDS = Map.of(IdentityProviderService.METADATA_FIELD, "import:metadataFile",
            "anchor", "import:anchorFile", MetadataFetcher.FIELD, "import:metadataUrl", "refreshHours", "import:refreshHours",
            AuthnRequestSigning.FIELD, "import:signAuthnRequests");
    /** The signing choice at import: as the metadata asks, or the administrator's. */
    static final String AS_METADATA_ASKS = "metadata";
    static final String SIGN = "sign";
    static final String DO_NOT_SIGN = "unsigned";

    @EJB
    IdentityProviderService identityProviders;

    @Inject
    AccountTabBean tab;

    @Inject
    SsoPageBean page;

    private transient Part metadataFile;
    private byte[] metadata;
    private boolean moreSecure = true;
    private transient Part anchorFile;
    private List<X509Certificate> anchors = List.of();
    private String metadataEntityId;
    private String metadataUrl;
    private Integer refreshHours = MetadataSource.DEFAULT_REFRESH_HOURS;
    private boolean allowSha1;
    private String signAuthnRequests = AS_METADATA_ASKS;
    private transient MetadataPreview preview;

    /** Reads the uploaded metadata (or the URL) and shows what it says and what would change; nothing is saved. */
    public void previewMetadata() {
        try {
            if (anchorFile != null && anchorFile.getSize() > 0) {
                anchors = List.of(Uploads.certificate(anchorFile, "anchor"));
            }
            if (metadataFile != null && metadataFile.getSize() > 0) {
                metadata = Uploads.read(metadataFile, IdentityProviderService.METADATA_FIELD);
                metadataUrl = null;
            }
            preview = fromUrl()
                    ? identityProviders.previewIdentityProviderMetadataUrl(tab.getNumber(), page.getIdentityProvider(), metadataUrl, trust(), metadataEntityId, options())
                    : identityProviders.previewIdentityProviderMetadata(tab.getNumber(), page.getIdentityProvider(), metadata, trust(), metadataEntityId, options());
        } catch (ServiceException refusal) {
            preview = null;
            FormErrors.show(refusal, IMPORT_FIELDS);
        }
    }

    public String importMetadata() {
        try {
            if (fromUrl()) {
                identityProviders.importIdentityProviderMetadataUrl(tab.getNumber(), page.getIdentityProvider(), metadataUrl, trust(), metadataEntityId,
                        refreshHours, options());
                FormErrors.info("The metadata is imported into the draft; once enabled, it is re-read from " + metadataUrl
                        + " every " + refreshHours + " hours. Test it, then enable it.");
            } else {
                identityProviders.importIdentityProviderMetadata(tab.getNumber(), page.getIdentityProvider(), metadata, trust(), metadataEntityId, options());
                FormErrors.info("The metadata is imported into the draft. Test it, then enable it.");
            }
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, IMPORT_FIELDS);
            return null;
        }
    }

    private boolean fromUrl() {
        return metadataUrl != null && !metadataUrl.isBlank() && (metadata == null || metadata.length == 0);
    }

    @PostConstruct
    void init() {
        SsoStatusView status = page.getStatus();
        IdentityProviderView current = status.draft() != null ? status.draft() : status.active();
        allowSha1 = current != null && current.allowSha1();
        // an administrator who chose to sign although the metadata did not ask finds that choice again
        boolean chosenToSign = current != null && current.signAuthnRequests()
                && Boolean.FALSE.equals(current.metadataWantsSignedRequests());
        signAuthnRequests = chosenToSign ? SIGN : AS_METADATA_ASKS;
    }

    /**
     * Allowing SHA-1 and signing AuthnRequests (as the metadata asks unless chosen) are the choices made at import;
     * the others are kept from the current configuration.
     */
    private IdentityProviderOptions options() {
        Boolean sign = switch (signAuthnRequests == null ? AS_METADATA_ASKS : signAuthnRequests) {
            case SIGN -> true;
            case DO_NOT_SIGN -> false;
            default -> null;
        };
        return new IdentityProviderOptions(null, allowSha1, null, null, null, null, null, sign);
    }

    public String getSignAuthnRequests() {
        return signAuthnRequests;
    }

    public void setSignAuthnRequests(String signAuthnRequests) {
        this.signAuthnRequests = signAuthnRequests;
    }

    public boolean isAllowSha1() {
        return allowSha1;
    }

    public void setAllowSha1(boolean allowSha1) {
        this.allowSha1 = allowSha1;
    }

    private MetadataTrust trust() {
        return moreSecure ? MetadataTrust.moreSecure(anchors) : MetadataTrust.lessSecure();
    }

    public List<CertificateView> getPreviewCertificates() {
        return preview == null ? List.of() : preview.metadata().signingCertificates().stream().map(CertificateView::of).toList();
    }

    public List<Map.Entry<SamlBinding, String>> getPreviewSignOn() {
        return preview == null ? List.of() : new ArrayList<>(preview.metadata().signOn().entrySet());
    }

    public MetadataPreview getPreview() {
        return preview;
    }

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
