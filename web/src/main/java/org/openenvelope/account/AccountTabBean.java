package org.openenvelope.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Faces;
import org.openenvelope.error.ResourceNotFoundException;

/**
 * The account an account page is about: its number from the {@code account} query parameter, and what the
 * template shows of it (breadcrumb, heading, tab bar). Each tab's own bean opens it first in its view action.
 */
@Named("accountTab")
@ViewScoped
public class AccountTabBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    private String number;
    private AccountSummary account;
    private AccountTab active;

    /**
     * Loads the account for one of its tabs.
     *
     * <p>Security: an account number the caller may not see answers HTTP 404, exactly like a number that does not
     * exist (the service makes no difference between them), and the page renders nothing at all, so an account
     * administrator learns nothing about other accounts by editing the link.
     *
     * @return whether the tab can be shown; {@code false} when the 404 has been sent instead
     */
    public boolean open(AccountTab tab) throws IOException {
        active = tab;
        try {
            account = accounts.getAccount(number);
            return true;
        } catch (ResourceNotFoundException notFound) {
            Faces.responseSendError(404, notFound.getMessage());
            return false;
        }
    }

    /** Shows the account as a change on this page left it. */
    public void show(AccountSummary changed) {
        account = changed;
    }

    /**
     * The outcome that reloads the current tab with a redirect (post-redirect-get), so that the browser's reload
     * button repeats no change and the address stays the tab's bookmarkable link.
     */
    public String reload() {
        return Faces.getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    public List<AccountTab> getTabs() {
        return List.of(AccountTab.values());
    }

    /** "Details, Groups, … and Audit log": the tabs there are today, for the page of one that is not. */
    public String getAvailableLabels() {
        List<String> labels = java.util.Arrays.stream(AccountTab.values()).filter(AccountTab::isAvailable)
                .map(AccountTab::getLabel).toList();
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public AccountSummary getAccount() {
        return account;
    }

    public AccountTab getActive() {
        return active;
    }

    public boolean isSuspended() {
        return account != null && account.status() == AccountStatus.SUSPENDED;
    }
}
