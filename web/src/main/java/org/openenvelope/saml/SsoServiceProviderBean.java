package org.openenvelope.saml;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.saml.keys.UploadedKeyPair;

/**
 * The single sign-on page's service provider form: what to give the identity provider, the SP key rollover
 * (publish, activate, withdraw, retire, or upload a CA-issued key) and a custom SP entity ID.
 */
@Named("ssoServiceProvider")
@ViewScoped
public class SsoServiceProviderBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ServiceProviderService serviceProviders;

    @Inject
    AccountTabBean tab;

    @Inject
    BaseUrl baseUrl;

    private transient ServiceProviderView serviceProvider;
    private String spEntityId;
    private transient Part keyFile;

    /** Only for the one request that uploads the key pair; never rendered back. */
    private transient String keyPassword;

    @PostConstruct
    void init() {
        spEntityId = getServiceProvider().customEntityId() ? getServiceProvider().entityId() : "";
    }

    public String saveServiceProvider() {
        try {
            serviceProviders.changeServiceProviderEntityId(tab.getNumber(), baseUrl.of(request()), spEntityId);
            FormErrors.info("The SP entity ID is now " + serviceProviders.serviceProvider(tab.getNumber(), baseUrl.of(request())).entityId()
                    + ". Give the identity provider the same value.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("entityId", "serviceProvider:spEntityId"));
            return null;
        }
    }

    public String addNextKey() {
        return keyStep(() -> serviceProviders.addNextServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "A next key is published in the SP metadata. Let the identity provider re-import the metadata, then activate it.");
    }

    public String activateNextKey() {
        return keyStep(() -> serviceProviders.activateNextServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "The next key signs from now on; the previous key is still published and decrypts until you retire it.");
    }

    public String retirePreviousKey() {
        return keyStep(() -> serviceProviders.retirePreviousServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "The previous key is retired and no longer in the SP metadata.");
    }

    public String withdrawNextKey() {
        return keyStep(() -> serviceProviders.withdrawNextServiceProviderKey(tab.getNumber(), baseUrl.of(request())),
                "The next key is withdrawn and no longer in the SP metadata.");
    }

    public String uploadNextKey() {
        char[] password = keyPassword == null ? new char[0] : keyPassword.toCharArray();
        keyPassword = null;
        try {
            byte[] content = keyFile == null || keyFile.getSize() == 0 ? new byte[0] : Uploads.read(keyFile, UploadedKeyPair.FILE);
            serviceProviders.addUploadedServiceProviderKey(tab.getNumber(), baseUrl.of(request()), content, password);
            FormErrors.info("The uploaded key is published as the next key. Let the identity provider re-import the"
                    + " SP metadata, then activate it.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(UploadedKeyPair.FILE, "serviceProvider:keyFile",
                    UploadedKeyPair.PASSWORD, "serviceProvider:keyPassword"));
            return null;
        } finally {
            Arrays.fill(password, '\0');
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

    private static HttpServletRequest request() {
        return Faces.getRequest();
    }

    /** Whether the SP has a key in this rollover status (NEXT, PREVIOUS, …). */
    public boolean hasKey(String status) {
        return getServiceProvider().keys().stream().anyMatch(key -> key.status().name().equals(status));
    }

    public ServiceProviderView getServiceProvider() {
        if (serviceProvider == null) {
            serviceProvider = serviceProviders.serviceProvider(tab.getNumber(), baseUrl.of(request()));
        }
        return serviceProvider;
    }

    public String getSpEntityId() { return spEntityId; }
    public void setSpEntityId(String spEntityId) { this.spEntityId = spEntityId; }
    public Part getKeyFile() { return keyFile; }
    public void setKeyFile(Part keyFile) { this.keyFile = keyFile; }
    public String getKeyPassword() { return null; }
    public void setKeyPassword(String keyPassword) { this.keyPassword = keyPassword; }
}
