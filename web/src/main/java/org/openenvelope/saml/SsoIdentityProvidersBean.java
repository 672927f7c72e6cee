package org.openenvelope.saml;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/**
 * The single sign-on page's identity provider list: adding one (by its name; it exists once its draft is saved),
 * the Profiles entries the one shown signs in, and removing it.
 */
@Named("ssoIdentityProviders")
@RequestScoped
public class SsoIdentityProvidersBean {

    @EJB
    IdentityProviderDomains domains;

    @EJB
    SsoActivation activation;

    @Inject
    AccountTabBean tab;

    @Inject
    SsoPageBean page;

    private String newName;
    private List<String> serves = new ArrayList<>();

    @PostConstruct
    void fill() {
        String shown = page.getIdentityProvider();
        page.getStatus().identityProviders().stream().filter(idp -> idp.name().equals(shown)).findFirst()
                .ifPresent(idp -> serves = new ArrayList<>(idp.assigned()));
    }

    /** Opens the page for a new name, whose forms then save its first draft. */
    public String add() {
        try {
            IdentityProvider.requireName(newName == null ? null : newName.strip());
            return "/admin/accounts/sso.xhtml?faces-redirect=true&account=" + tab.getNumber() + "&idp=" + newName.strip();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(IdentityProvider.NAME_FIELD, "identityProviders:newName"));
            return null;
        }
    }

    public String assignDomains() {
        try {
            domains.assign(tab.getNumber(), page.getIdentityProvider(), serves);
            FormErrors.info("Identity provider " + page.getIdentityProvider() + " signs in the domains and addresses"
                    + " ticked (once it is enabled).");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String remove() {
        try {
            activation.removeIdentityProvider(tab.getNumber(), page.getIdentityProvider());
            FormErrors.info("Identity provider " + page.getIdentityProvider() + " was removed.");
            return "/admin/accounts/sso.xhtml?faces-redirect=true&account=" + tab.getNumber();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public List<String> getServes() {
        return serves;
    }

    public void setServes(List<String> serves) {
        this.serves = serves;
    }
}
