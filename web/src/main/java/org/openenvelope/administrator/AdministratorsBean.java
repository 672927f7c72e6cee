package org.openenvelope.administrator;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/** The Groups tab: who administers the account, adding an administrator and removing one. */
@Named("accountGroups")
@ViewScoped
public class AdministratorsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the one-time password lives: the current request only (see {@link #getAdded()}). */
    private static final String ADDED = AdministratorsBean.class.getName() + ".added";

    @Inject
    AdministratorService administrators;

    @Inject
    SecondFactorService secondFactors;

    @Inject
    AccountTabBean tab;

    private Page<AdministratorView> list;
    /** The {@code q} and {@code page} view parameters: the search and the page shown, from 1. */
    private String q;
    private int page = 1;
    private String email;
    private String displayName;
    private SignInPolicyView policy;
    private boolean secondFactorRequired;
    private boolean identityProviderSignIn;

    public void load() throws IOException {
        if (tab.open(AccountTab.GROUPS)) {
            refresh();
        }
    }

    private void refresh() {
        list = administrators.findAdministrators(tab.getNumber(), q, page - 1, Paging.DEFAULT_SIZE);
        policy = secondFactors.policy(tab.getNumber());
        secondFactorRequired = policy.secondFactorRequired();
        identityProviderSignIn = policy.identityProviderSignIn();
    }

    public String savePolicy() {
        try {
            secondFactors.changePolicy(tab.getNumber(), secondFactorRequired, identityProviderSignIn);
            FormErrors.info("Saved how administrators sign in.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(SecondFactorService.IDENTITY_PROVIDER_SIGN_IN_FIELD,
                    "signInPolicy:identityProviderSignIn"));
            return null;
        }
    }

    public String resetSecondFactor(AdministratorView administrator) {
        try {
            secondFactors.reset(tab.getNumber(), administrator.id());
            FormErrors.info("Reset the second factor of " + administrator.email() + ".");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    /** Adds the administrator and shows their one-time password on the page this action renders. */
    public void add() {
        try {
            AddedAdministrator added = administrators.addAdministrator(tab.getNumber(), email, displayName);
            Faces.setContextAttribute(ADDED, added);
            email = null;
            displayName = null;
            refresh();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(AdministratorService.EMAIL_FIELD, "administrators:email",
                    AdministratorService.DISPLAY_NAME_FIELD, "administrators:displayName"));
        }
    }

    public String remove(AdministratorView administrator) {
        try {
            administrators.removeAdministrator(tab.getNumber(), administrator.id());
            FormErrors.info("Removed administrator " + administrator.email() + ". They can no longer sign in.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    /**
     * The administrator just added, with their one-time password, or null.
     *
     * <p>Security: the password is kept for the one response that shows it (a request attribute), not in the
     * view state, so it is not held in the session afterwards and no later request of this view shows it again.
     */
    public AddedAdministrator getAdded() {
        return Faces.getContextAttribute(ADDED);
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

    public Page<AdministratorView> getList() {
        return list;
    }

    public SignInPolicyView getPolicy() {
        return policy;
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }

    public void setSecondFactorRequired(boolean secondFactorRequired) {
        this.secondFactorRequired = secondFactorRequired;
    }

    public boolean isIdentityProviderSignIn() {
        return identityProviderSignIn;
    }

    public void setIdentityProviderSignIn(boolean identityProviderSignIn) {
        this.identityProviderSignIn = identityProviderSignIn;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
