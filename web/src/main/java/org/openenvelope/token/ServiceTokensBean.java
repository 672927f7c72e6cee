package org.openenvelope.token;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.omnifaces.util.Faces;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.persistence.Page;

/**
 * Service tokens: API tokens with a service administrator's rights, for provisioning accounts from other
 * systems. Only service administrators see this page; anyone else gets HTTP 403.
 */
@Named("serviceTokens")
@ViewScoped
public class ServiceTokensBean extends TokensBean {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiTokenService service;

    public void load() throws IOException {
        try {
            refresh();
        } catch (AccessDeniedException denied) {
            Faces.responseSendError(403, denied.getMessage());
        }
    }

    @Override
    protected Page<TokenView> findTokens(String search, int page, int size) {
        return service.findServiceTokens(search, page, size);
    }

    @Override
    protected IssuedToken createToken(String name, Integer validDays, boolean readOnly) {
        return service.createServiceToken(name, validDays, readOnly);
    }

    @Override
    protected void revokeToken(long tokenId) {
        service.revokeServiceToken(tokenId);
    }

    @Override
    protected String examplePath() {
        return "api/v1/accounts";
    }

    @Override
    protected String reload() {
        return "/admin/tokens?faces-redirect=true";
    }
}
