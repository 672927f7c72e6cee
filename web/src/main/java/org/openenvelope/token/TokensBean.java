package org.openenvelope.token;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * What the account Tokens tab and the service tokens page share: the list, searched by part of a name and paged
 * (the {@code q} and {@code page} view parameters), "Create token" showing the secret once, and "Revoke".
 * Subclasses say whose tokens they are.
 */
public abstract class TokensBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a new secret lives: the current request only (see {@link #getIssued()}). */
    private static final String ISSUED = TokensBean.class.getName() + ".issued";

    private Page<TokenView> tokens;
    /** The {@code q} and {@code page} view parameters: the search and the page shown, from 1. */
    private String q;
    private int page = 1;
    private String name;
    /** Days until the token ends; null for a token without an end. */
    private Integer validDays;
    private boolean readOnly;

    /** One page of the tokens whose name contains {@code search}; {@code page} counts from 0. */
    protected abstract Page<TokenView> findTokens(String search, int page, int size);

    protected abstract IssuedToken createToken(String name, Integer validDays, boolean readOnly);

    protected abstract void revokeToken(long tokenId);

    /** The API path, below the application's base URL, that the usage example calls. */
    protected abstract String examplePath();

    /** The outcome after a change that shows no secret: this page again, by redirect. */
    protected abstract String reload();

    protected void refresh() {
        tokens = findTokens(q, page - 1, Paging.DEFAULT_SIZE);
    }

    /** Creates the token and shows its secret on the page this action renders. */
    public void create() {
        try {
            Faces.setContextAttribute(ISSUED, createToken(name, validDays, readOnly));
            name = null;
            validDays = null;
            readOnly = false;
            refresh();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("name", "create:name", "validDays", "create:validDays"));
        }
    }

    public String revoke(TokenView token) {
        try {
            revokeToken(token.id());
            FormErrors.info("Token \"" + token.name() + "\" (" + token.prefix() + "…) is revoked; requests with it"
                    + " are refused from now on.");
            return reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    /**
     * The token just created, with its secret, or null.
     *
     * <p>Security: the secret is kept for the one response that shows it (a request attribute), not in the view
     * state, so the session does not hold it afterwards and no later request of this view can show it again.
     */
    public IssuedToken getIssued() {
        return Faces.getContextAttribute(ISSUED);
    }

    /** A command line that uses the new token, so the administrator can check it works right away. */
    public String getExample() {
        IssuedToken issued = getIssued();
        return issued == null ? null
                : "curl -H \"Authorization: Bearer " + issued.secret() + "\" " + Faces.getRequestBaseURL()
                        + examplePath();
    }

    public Page<TokenView> getTokens() {
        return tokens;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The lifetimes offered: a year at most by choice here; the service allows two. */
    public List<Integer> getValidities() {
        return List.of(30, 90, 180, 365);
    }

    public Integer getValidDays() {
        return validDays;
    }

    public void setValidDays(Integer validDays) {
        this.validDays = validDays;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }
}
