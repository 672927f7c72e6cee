package org.openenvelope.websafe;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.openenvelope.saml.SamlPages;
import org.openenvelope.saml.SingleSignOnService;
import org.openenvelope.saml.xml.SamlFailure;

/** The user portal's pages: who is signed in, and what went wrong when SSO refused a sign-in. */
@Named("userPortal")
@RequestScoped
public class UserPortalBean {

    @EJB
    SingleSignOnService sso;

    private Optional<UserPortalSession> session;

    public UserPortalSession getSession() {
        if (session == null) {
            session = UserPortalCookie.read(request()).flatMap(sso::session);
        }
        return session.orElse(null);
    }

    public boolean isSignedIn() {
        return getSession() != null;
    }

    public String getSignOutToken() {
        return UserPortalCookie.read(request()).map(UserPortalCookie::signOutToken).orElse("");
    }

    public SamlFailure getFailure() {
        return (SamlFailure) request().getAttribute(SamlPages.FAILURE);
    }

    /** The IdP's status code and message, when the IdP itself refused the sign-in. */
    public String getIdpStatus() {
        return (String) request().getAttribute(SamlPages.IDP_STATUS);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
