package org.openenvelope.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/** The Details tab: what the account is, renaming it, and (service administrators) suspending it. */
@Named("accountDetails")
@ViewScoped
public class AccountDetailsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Inject
    AccountTabBean tab;


    private String name;

    public void load() throws IOException {
        if (tab.open(AccountTab.DETAILS)) {
            name = tab.getAccount().name();
        }
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
