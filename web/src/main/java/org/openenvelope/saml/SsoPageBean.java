package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.omnifaces.util.Faces;

/**
 * What the single sign-on page's forms share: the account's SSO status (the configuration in force, the draft,
 * the latest test), loaded once by the page's view action. Each form has its own bean; this one holds no form.
 */
@Named("ssoPage")
@ViewScoped
public class SsoPageBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SsoActivation activation;

    @Inject
    AccountTabBean tab;

    /** The identity provider shown and edited: the {@code idp} view parameter, else the default. */
    private String identityProvider;

    private transient SsoStatusView status;

    public void load() throws IOException {
        if (tab.open(AccountTab.DETAILS)) {
            if (identityProvider != null && !identityProvider.matches("[a-z0-9-]{1,40}")) {
                Faces.responseSendError(404, "No such identity provider.");
                return;
            }
            status = getStatus();
        }
    }

    public SsoStatusView getStatus() {
        if (status == null) {
            status = identityProvider == null ? activation.status(tab.getNumber())
                    : activation.status(tab.getNumber(), identityProvider);
        }
        return status;
    }

    /** The name of the identity provider the page's forms change. */
    public String getIdentityProvider() {
        return identityProvider == null ? getStatus().identityProvider() : identityProvider;
    }

    /** The {@code idp} view parameter as given (null for none): read before the account is known, so no lookup. */
    public String getRequestedIdentityProvider() {
        return identityProvider;
    }

    public void setRequestedIdentityProvider(String identityProvider) {
        this.identityProvider = identityProvider == null || identityProvider.isBlank() ? null : identityProvider;
    }
}
