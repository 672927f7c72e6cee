package org.openenvelope.websafe;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The user portal's pages: who is signed in. */
@Named("userPortal")
@RequestScoped
public class UserPortalBean {

    @EJB
    UserPortalSessions sessions;

    private Optional<UserPortalSession> session;

    public UserPortalSession getSession() {
        if (session == null) {
            session = UserPortalCookie.read(request()).flatMap(sessions::current);
        }
        return session.orElse(null);
    }

    public boolean isSignedIn() {
        return getSession() != null;
    }

    public String getSignOutToken() {
        return UserPortalCookie.read(request()).map(UserPortalCookie::signOutToken).orElse("");
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
