package org.openenvelope.graph;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.addin.AddinConfigurationService;
import org.openenvelope.addin.AddinConfigurationView;
import org.openenvelope.addin.DomainSettings;
import org.openenvelope.addin.EncryptionType;
import org.openenvelope.addin.FlagType;
import org.openenvelope.error.FormErrors;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.BaseUrl;

/** The Addin Config tab: step 1, the Azure AD (Entra ID) details and Test connection; step 2, per domain. */
@Named("addinConfig")
@ViewScoped
public class AddinConfigBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MicrosoftConnectionService connections;

    @EJB
    AddinConfigurationService addins;

    @Inject
    AccountTabBean tab;

    @Inject
    BaseUrl baseUrl;

    private MicrosoftConnectionView connection;
    private AddinConfigurationView addin;
    private String domain;
    /** The per-domain table's search and page (from 0): hundreds of domains are found, not scrolled through. */
    private String domainSearch;
    private int domainPage;
    private EncryptionType encryptionType = DomainSettings.DEFAULT.encryptionType();
    private Integer rememberPasswordDays = DomainSettings.DEFAULT.rememberPasswordDays();
    private FlagType flagType = DomainSettings.DEFAULT.flagType();
    private String flagValue = DomainSettings.DEFAULT.flagValue();
    private ConnectionTest test;
    private String tenantId;
    private String clientId;
    /** Only for the request that saves it; never rendered back. */
    private transient String clientSecret;

    public void load() throws IOException {
        if (tab.open(AccountTab.ADDIN_CONFIG)) {
            connection = connections.connection(tab.getNumber());
            addin = addins.configuration(tab.getNumber());
            if (domain == null && !addin.domains().isEmpty()) {
                edit(addin.domains().get(0).domain());
            }
            if (tenantId == null) {
                tenantId = connection.tenantId();
                clientId = connection.clientId();
            }
        }
    }

    public String saveDetails() {
        String secret = clientSecret;
        clientSecret = null;
        try {
            connections.saveDetails(tab.getNumber(), tenantId, clientId, secret);
            FormErrors.info("The Azure AD details are saved. Test the connection to see which permissions are granted.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, new HashMap<>(Map.of("tenantId", "details:tenantId",
                    "clientId", "details:clientId", "clientSecret", "details:clientSecret")));
            return null;
        }
    }

    public void testConnection() {
        try {
            test = connections.testConnection(tab.getNumber());
            connection = connections.connection(tab.getNumber());
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
        }
    }

    /** The domains the search matches (any part, any case), one page of them. */
    public Page<AddinConfigurationView.Domain> getDomainsShown() {
        String term = domainSearch == null ? "" : domainSearch.strip().toLowerCase(java.util.Locale.ROOT);
        return Paging.of(domainPage, Paging.DEFAULT_SIZE).page(addin.domains().stream()
                .filter(d -> d.domain().contains(term)).toList());
    }

    public void searchDomains() {
        domainPage = 0;
    }

    public void nextDomains() {
        domainPage++;
    }

    public void previousDomains() {
        domainPage = Math.max(0, domainPage - 1);
    }

    public String getDomainSearch() {
        return domainSearch;
    }

    public void setDomainSearch(String domainSearch) {
        this.domainSearch = domainSearch;
    }

    /** Puts one domain's current settings into the step 2 form. */
    public void edit(String chosen) {
        addin.domains().stream().filter(d -> d.domain().equals(chosen)).findFirst().ifPresent(d -> {
            domain = d.domain();
            encryptionType = d.settings().encryptionType();
            rememberPasswordDays = d.settings().rememberPasswordDays();
            flagType = d.settings().flagType();
            flagValue = d.settings().flagValue();
        });
    }

    public String saveDomain() {
        return saveStep2(() -> addins.saveDomain(tab.getNumber(), domain, settings()),
                "The configuration for " + domain + " is saved. Download the manifest again to deploy the change.");
    }

    public String saveAllDomains() {
        return saveStep2(() -> addins.saveAllDomains(tab.getNumber(), settings()),
                "The configuration is saved for every domain. Download the manifest again to deploy the change.");
    }

    private String saveStep2(Runnable save, String done) {
        try {
            save.run();
            FormErrors.info(done);
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, new HashMap<>(Map.of("domain", "domains:domain",
                    "encryptionType", "domains:encryptionType", "rememberPasswordDays", "domains:rememberPasswordDays",
                    "flagType", "domains:flagType", "flagValue", "domains:flagValue")));
            return null;
        }
    }

    /** Step 3: the manifest as a download; a service not reached over https is told what to set. */
    public void downloadManifest() throws IOException {
        try {
            String manifest = addins.manifest(tab.getNumber(), baseUrl.of(org.omnifaces.util.Faces.getRequest()));
            org.omnifaces.util.Faces.sendFile(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "openenvelope-addin-" + tab.getNumber() + ".xml", true);
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
        }
    }

    private DomainSettings settings() {
        return new DomainSettings(encryptionType, rememberPasswordDays == null ? -1 : rememberPasswordDays, flagType, flagValue);
    }

    public AddinConfigurationView getAddin() { return addin; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public EncryptionType getEncryptionType() { return encryptionType; }
    public void setEncryptionType(EncryptionType encryptionType) { this.encryptionType = encryptionType; }
    public Integer getRememberPasswordDays() { return rememberPasswordDays; }
    public void setRememberPasswordDays(Integer rememberPasswordDays) { this.rememberPasswordDays = rememberPasswordDays; }
    public FlagType getFlagType() { return flagType; }
    public void setFlagType(FlagType flagType) { this.flagType = flagType; }
    public String getFlagValue() { return flagValue; }
    public void setFlagValue(String flagValue) { this.flagValue = flagValue; }
    public EncryptionType[] getEncryptionTypes() { return EncryptionType.values(); }
    public FlagType[] getFlagTypes() { return FlagType.values(); }
    public MicrosoftConnectionView getConnection() { return connection; }
    public ConnectionTest getTest() { return test; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return null; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
}
