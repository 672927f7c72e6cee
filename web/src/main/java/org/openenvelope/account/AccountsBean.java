package org.openenvelope.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * Accounts → Manage Accounts: the accounts the caller may see (an account administrator only their own, as the
 * service decides), searched and paged through the query string so every list view is a link; service
 * administrators also create accounts here.
 */
@Named("accountList")
@ViewScoped
public class AccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;


    private String q;
    private int page = 1;
    private Page<AccountSummary> result;
    private String name;

    public void load() {
        result = accounts.findAccounts(q, page - 1, Paging.DEFAULT_SIZE);
    }

    public String create() {
        try {
            AccountSummary created = accounts.createAccount(name);
            FormErrors.info("Account \"" + created.name() + "\" was created with number " + created.number()
                    + ". Add its first administrator on the Groups tab.");
            return "/admin/accounts/details?faces-redirect=true&account=" + created.number();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("name", "create:name"));
            return null;
        }
    }

    public boolean isSearching() {
        return q != null && !q.isBlank();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public Page<AccountSummary> getResult() {
        return result;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
