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

    /** The IdP's status code and message, when the IdP itself refused the sign-in. */
    public String getIdpStatus() {
        return Faces.getRequestAttribute(SamlPages.IDP_STATUS);
    }
}
