package org.openenvelope.saml;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.error.ServiceException;
import org.openenvelope.saml.binding.SamlBinding;

/**
 * The single sign-on page's manual entry form: the identity provider's draft, starting from the draft or else
 * the configuration in force, with an optional certificate upload that replaces the trusted certificates.
 */
@Named("ssoDraft")
@ViewScoped
public class SsoDraftBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> DRAFT_FIELDS = Map.of("entityId", "draft:entityId", "ssoUrl", "draft:ssoUrl",
            "sloUrl", "draft:sloUrl", "clockSkewSeconds", "draft:clockSkewSeconds", "certificates", "draft:certificate",
            "alternateEmailAttribute", "draft:alternateEmailAttribute", "federationIdAttribute", "draft:federationIdAttribute",
            AuthnRequestSigning.FIELD, "draft:signAuthnRequests");

    @Inject
    transient Clock clock;

    @EJB
    IdentityProviderService identityProviders;

    @Inject
    AccountTabBean tab;

    @Inject
    SsoPageBean page;

    private String entityId;
    private String ssoUrl;
    private SamlBinding ssoBinding = SamlBinding.HTTP_REDIRECT;
    /** Signed unless the administrator unticks it. */
    private boolean signAuthnRequests = true;
    private String sloUrl;
    private SamlBinding sloBinding = SamlBinding.HTTP_REDIRECT;
    private int clockSkewSeconds = IdentityProviderSettings.DEFAULT_CLOCK_SKEW_SECONDS;
    private boolean allowSha1;
    private boolean allowIdpInitiated;
    private boolean justInTimeUsers;
    private String alternateEmailAttribute;
    private FederationIdSource federationIdSource = FederationIdSource.NAME_ID;
    private String federationIdAttribute;
    private transient Part certificate;

    @PostConstruct
    void init() {
        SsoStatusView status = page.getStatus();
        IdentityProviderView current = status.draft() != null ? status.draft() : status.active();
        if (current != null) {
            entityId = current.entityId();
            ssoUrl = current.ssoUrl();
            ssoBinding = current.ssoBinding();
            signAuthnRequests = current.signAuthnRequests();
            sloUrl = current.sloUrl();
            sloBinding = current.sloBinding();
            clockSkewSeconds = current.clockSkewSeconds();
            allowSha1 = current.allowSha1();
            allowIdpInitiated = current.allowIdpInitiated();
            justInTimeUsers = current.justInTimeUsers();
            alternateEmailAttribute = current.alternateEmailAttribute();
            federationIdSource = current.federationIdSource();
            federationIdAttribute = current.federationIdAttribute();
        }
    }

    /** Saves the manual entry as the draft; an uploaded certificate replaces the trusted ones. */
    public String saveDraft() {
        try {
            ValueProblem unreadable = null;
            List<X509Certificate> certificates = List.of();
            if (certificate != null && certificate.getSize() > 0) {
                try {
                    certificates = List.of(Uploads.certificate(certificate, "certificates"));
                } catch (InvalidValueException e) {
                    unreadable = new ValueProblem("certificates", certificate.getSubmittedFileName(), e.getMessage());
                }
            } else {
                certificates = identityProviders.trustedCertificates(tab.getNumber(), page.getIdentityProvider());
            }
            IdentityProviderSettings settings = new IdentityProviderSettings(entityId, ssoUrl, ssoBinding,
                    signAuthnRequests, sloUrl, sloBinding, clockSkewSeconds, allowSha1, allowIdpInitiated, justInTimeUsers, alternateEmailAttribute,
                    federationIdSource, federationIdAttribute, certificates);
            if (unreadable != null) {
                throw withOtherProblems(unreadable, settings);
            }
            identityProviders.configureIdentityProvider(tab.getNumber(), page.getIdentityProvider(), settings);
            FormErrors.info("The draft is saved. The active configuration stays in force until you test and enable the draft.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, new HashMap<>(DRAFT_FIELDS));
            return null;
        }
    }

    /** An unreadable certificate is one problem among the others of the form, all shown at once. */
    private RejectedValuesException withOtherProblems(ValueProblem unreadable, IdentityProviderSettings settings) {
        List<ValueProblem> problems = new ArrayList<>(List.of(unreadable));
        try {
            settings.validated(clock.instant());
        } catch (RejectedValuesException others) {
            others.problems().stream().filter(p -> !p.field().equals("certificates")).forEach(problems::add);
        }
        return new RejectedValuesException(problems);
    }

    public List<SamlBinding> getBindings() {
        return List.of(SamlBinding.values());
    }

    /** The legacy order is offered only to a configuration that has it, until its administrator chooses. */
    public List<FederationIdSource> getFederationIdSources() {
        return federationIdSource == FederationIdSource.LEGACY ? List.of(FederationIdSource.values())
                : List.of(FederationIdSource.NAME_ID, FederationIdSource.ATTRIBUTE);
    }

    public String getEntityId() { return entityId; }
    public void setEntityId(String entityId) { this.entityId = entityId; }
    public String getSsoUrl() { return ssoUrl; }
    public void setSsoUrl(String ssoUrl) { this.ssoUrl = ssoUrl; }
    public SamlBinding getSsoBinding() { return ssoBinding; }
    public void setSsoBinding(SamlBinding ssoBinding) { this.ssoBinding = ssoBinding; }
    public boolean isSignAuthnRequests() { return signAuthnRequests; }
    public void setSignAuthnRequests(boolean signAuthnRequests) { this.signAuthnRequests = signAuthnRequests; }
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
    public FederationIdSource getFederationIdSource() { return federationIdSource; }
    public void setFederationIdSource(FederationIdSource federationIdSource) { this.federationIdSource = federationIdSource; }
    public String getFederationIdAttribute() { return federationIdAttribute; }
    public void setFederationIdAttribute(String federationIdAttribute) { this.federationIdAttribute = federationIdAttribute; }
    public Part getCertificate() { return certificate; }
    public void setCertificate(Part certificate) { this.certificate = certificate; }
}
