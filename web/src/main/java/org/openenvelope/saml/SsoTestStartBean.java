package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.omnifaces.util.Faces;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.BaseUrl;

/**
 * Starts a Test SSO run from a link (the link opens a new tab; a form could not continue to the identity provider,
 * because the portal's content policy lets forms submit only to the service itself).
 */
@Named("ssoTestStart")
@RequestScoped
public class SsoTestStartBean {

    @EJB
    SsoActivation activation;

    @Inject
    AccountTabBean tab;

    @Inject
    BaseUrl baseUrl;

    public void start() throws IOException {
        if (!tab.open(AccountTab.DETAILS)) {
            return;
        }
        try {
            String idp = Faces.getRequestParameter("idp");
            Faces.redirect(activation.startSsoTest(tab.getNumber(), idp == null ? activation.status(tab.getNumber())
                    .identityProvider() : idp, baseUrl.of(Faces.getRequest())).url());
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
        }
    }
}
