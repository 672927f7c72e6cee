package org.openenvelope.saml;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.openenvelope.saml.xml.SamlFailure;

/** What the sign-in error page ({@code /websafe/sso-error.xhtml}) shows when SSO refused a sign-in. */
@Named("ssoError")
@RequestScoped
public class SsoErrorBean {

    public SamlFailure getFailure() {
        return Faces.getRequestAttribute(SamlPages.FAILURE);
    }

    /** Whether a Single Logout message was refused (the page then speaks of signing out). */
    public boolean isLogout() {
        return Boolean.TRUE.equals(Faces.getRequestAttribute(SamlPages.LOGOUT));
    }

    /** Whether starting again in this browser is what helps (the answer belonged to another browser, or was used). */
    public boolean isStartAgain() {
        SamlFailure failure = getFailure();
        return failure == SamlFailure.OTHER_BROWSER || failure == SamlFailure.ALREADY_USED;
    }

    /** The IdP's status code and message, when the IdP itself refused the sign-in. */
    public String getIdpStatus() {
        return Faces.getRequestAttribute(SamlPages.IDP_STATUS);
    }
}
