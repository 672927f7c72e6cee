package org.openenvelope.token;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.persistence.Page;

/** The Tokens tab: API tokens that act for this account with an account administrator's rights. */
@Named("accountTokens")
@ViewScoped
public class AccountTokensBean extends TokensBean {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiTokenService service;

    @Inject
    AccountTabBean tab;

    public void load() throws IOException {
        if (tab.open(AccountTab.TOKENS)) {
            refresh();
        }
    }

    @Override
    protected Page<TokenView> findTokens(String search, int page, int size) {
        return service.findTokens(tab.getNumber(), search, page, size);
    }

    @Override
    protected IssuedToken createToken(String name, Integer validDays, boolean readOnly) {
        return service.createToken(tab.getNumber(), name, validDays, readOnly);
    }

    @Override
    protected void revokeToken(long tokenId) {
        service.revokeToken(tab.getNumber(), tokenId);
    }

    @Override
    protected String examplePath() {
        return "api/v1/accounts/" + tab.getNumber() + "/profiles";
    }

    @Override
    protected String reload() {
        return tab.reload();
    }
}
