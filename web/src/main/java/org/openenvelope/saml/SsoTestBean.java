package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.omnifaces.util.Faces;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ServiceException;

/** The result page of a Test SSO run: the parsed assertion or the diagnosis, and Enable SSO after a pass. */
@Named("ssoTest")
@ViewScoped
public class SsoTestBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SsoActivation activation;

    @EJB
    IdentityProviderService identityProviders;

    @Inject
    AccountTabBean tab;

    private Long id;
    private SsoTestView test;

    public void load() throws IOException {
        if (!tab.open(AccountTab.DETAILS)) {
            return;
        }
        try {
            test = id == null ? null : activation.ssoTest(tab.getNumber(), id);
        } catch (ResourceNotFoundException notFound) {
            Faces.responseSendError(404, notFound.getMessage());
        }
        if (test == null && !Faces.getContext().getResponseComplete()) {
            Faces.responseSendError(404, "No such Test SSO run.");
        }
    }

    public String enable() {
        try {
            activation.enableSingleSignOn(tab.getNumber(), test.identityProvider());
            FormErrors.info("SSO is enabled: users of this account now sign in through the identity provider.");
            return "/admin/accounts/details.xhtml?faces-redirect=true&account=" + tab.getNumber();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    /** Identifies users by the attribute this test received ({@code null}: by the NameID), in the draft. */
    public String identifyUsersBy(String attribute) {
        try {
            identityProviders.identifyUsersAsTested(tab.getNumber(), id, attribute);
            FormErrors.info("The draft now identifies users by " + (attribute == null ? "the NameID" : "the attribute "
                    + attribute) + ". Run Test SSO again before enabling it.");
            return "/admin/accounts/sso.xhtml?faces-redirect=true&account=" + tab.getNumber() + "&idp=" + test.identityProvider();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SsoTestView getTest() {
        return test;
    }
}
