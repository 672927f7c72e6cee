package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.openenvelope.account.AccountTabBean;

/**
 * What of SSO expires within 30 days (or has expired): IdP certificates, SP keys, IdP metadata. Shown on the
 * account's Details tab, and for the whole service on Manage Accounts.
 */
@Named("expiryWarnings")
@RequestScoped
public class ExpiryWarningsBean {

    @EJB
    ExpiryWarnings warnings;

    @Inject
    AccountTabBean tab;

    private List<ExpiryWarning> ofAccount;
    private List<ExpiryWarning> ofService;

    /** The open account's. */
    public List<ExpiryWarning> getOfAccount() {
        if (ofAccount == null) {
            ofAccount = warnings.ofAccount(tab.getNumber());
        }
        return ofAccount;
    }

    /** Every account's the caller may see (all of them for a service administrator). */
    public List<ExpiryWarning> getOfService() {
        if (ofService == null) {
            ofService = warnings.ofService();
        }
        return ofService;
    }
}
