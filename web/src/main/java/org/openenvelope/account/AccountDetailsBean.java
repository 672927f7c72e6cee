package org.openenvelope.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openenvelope.error.ServiceException;
import org.openenvelope.portal.FormErrors;
import org.openenvelope.saml.ExpiryWarning;
import org.openenvelope.saml.FederationService;

/** The Details tab: what the account is, renaming it, and (service administrators) suspending it. */
@Named("accountDetails")
@ViewScoped
public class AccountDetailsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Inject
    AccountTabBean tab;

    @jakarta.ejb.EJB
    FederationService federation;

    private String name;
    private transient List<ExpiryWarning> expiryWarnings;

    public void load() throws IOException {
        if (tab.open(AccountTab.DETAILS)) {
            name = tab.getAccount().name();
        }
    }

    /** What of this account's SSO expires within 30 days (or has expired). */
    public List<ExpiryWarning> getExpiryWarnings() {
        if (expiryWarnings == null) {
            expiryWarnings = federation.expiryWarnings(tab.getNumber());
        }
        return expiryWarnings;
    }

    public String rename() {
        try {
            AccountSummary renamed = accounts.renameAccount(tab.getNumber(), name);
            FormErrors.info("The account is now called \"" + renamed.name() + "\".");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("name", "rename:name"));
            return null;
        }
    }

    public String suspend() {
        try {
            AccountSummary suspended = accounts.suspendAccount(tab.getNumber());
            FormErrors.info("Account " + suspended.number() + " is suspended. Its administrators cannot sign in and"
                    + " its API tokens are refused until you reactivate it.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String reactivate() {
        try {
            AccountSummary reactivated = accounts.reactivateAccount(tab.getNumber());
            FormErrors.info("Account " + reactivated.number() + " is active again.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
