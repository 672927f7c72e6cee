package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;

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

    private transient SsoStatusView status;

    public void load() throws IOException {
        if (tab.open(AccountTab.DETAILS)) {
            status = activation.status(tab.getNumber());
        }
    }

    public SsoStatusView getStatus() {
        if (status == null) {
            status = activation.status(tab.getNumber());
        }
        return status;
    }
}
