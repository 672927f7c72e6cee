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
import org.openenvelope.error.ServiceException;
import org.openenvelope.portal.FormErrors;

/** The Addin Config tab, step 1: the Azure AD (Entra ID) details and Test connection. */
@Named("addinConfig")
@ViewScoped
public class AddinConfigBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MicrosoftConnectionService connections;

    @Inject
    AccountTabBean tab;

    private MicrosoftConnectionView connection;
    private ConnectionTest test;
    private String tenantId;
    private String clientId;
    /** Only for the request that saves it; never rendered back. */
    private transient String clientSecret;

    public void load() throws IOException {
        if (tab.open(AccountTab.ADDIN_CONFIG)) {
            connection = connections.connection(tab.getNumber());
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

    public MicrosoftConnectionView getConnection() { return connection; }
    public ConnectionTest getTest() { return test; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return null; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
}
