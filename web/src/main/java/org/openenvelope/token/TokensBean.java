package org.openenvelope.token;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/**
 * What the account Tokens tab and the service tokens page share: the list, "Create token" showing the secret
 * once, and "Revoke". Subclasses say whose tokens they are.
 */
public abstract class TokensBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a new secret lives: the current request only (see {@link #getIssued()}). */
    private static final String ISSUED = TokensBean.class.getName() + ".issued";

    private List<TokenView> tokens = List.of();
    private String name;
    /** Days until the token ends; null for a token without an end. */
    private Integer validDays;
    private boolean readOnly;

    protected abstract List<TokenView> listTokens();

    protected abstract IssuedToken createToken(String name, Integer validDays, boolean readOnly);

    protected abstract void revokeToken(long tokenId);

    /** The API path, below the application's base URL, that the usage example calls. */
    protected abstract String examplePath();

    /** The outcome after a change that shows no secret: this page again, by redirect. */
    protected abstract String reload();

    protected void refresh() {
        tokens = listTokens();
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

    public List<TokenView> getTokens() {
        return tokens;
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
