package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/**
 * The single sign-on page's buttons that change what is in force, each its own small form: Enable SSO (the test
 * form), Switch to password sign-in (the method form) and Refresh metadata now (the refresh form, which re-reads
 * the metadata of the identity provider in force). They hold no form state, hence request scope.
 */
@Named("ssoMethod")
@RequestScoped
public class SsoMethodBean {

    @EJB
    IdentityProviderService identityProviders;

    @EJB
    SsoActivation activation;

    @Inject
    AccountTabBean tab;

    @Inject
    SsoPageBean page;

    public String enable() {
        try {
            activation.enableSingleSignOn(tab.getNumber(), page.getIdentityProvider());
            FormErrors.info("SSO is enabled: users of this account now sign in through the identity provider.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String usePassword() {
        activation.usePasswordSignIn(tab.getNumber());
        FormErrors.info("Users of this account sign in with passwords again. The SSO configuration is kept.");
        return tab.reload();
    }

    public String refreshMetadata() {
        try {
            var active = identityProviders.refreshIdentityProviderMetadata(tab.getNumber(), page.getIdentityProvider()).active();
            if (active.metadataProblem() == null) {
                FormErrors.info("The metadata was re-read from " + active.metadataUrl() + " and applied.");
            } else {
                FormErrors.error("The metadata was not applied: " + active.metadataProblem());
            }
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }
}
