package org.openenvelope.security;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.openenvelope.saml.SignInService;

/**
 * The sign-in page's "Sign in with single sign-on": from the email address typed there to the identity provider of
 * the account that verified its domain, when that account lets its administrators sign in that way; else back to
 * the page, which says so. The answer depends on the domain alone (see
 * {@link SignInService#administratorSignInPath}).
 */
@WebServlet(AdministratorSingleSignOnServlet.PATH)
public class AdministratorSingleSignOnServlet extends HttpServlet {

    static final String PATH = "/login/sso";
    /** The sign-in form's email field, which this button shares. */
    static final String EMAIL = "signin:email";

    @EJB
    SignInService signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        String email = request.getParameter(EMAIL);
        Optional<String> path = email == null ? Optional.empty() : signIn.administratorSignInPath(email.strip());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath()
                + path.orElse(PortalAuthenticationMechanism.SIGN_IN_PAGE + "?sso=unavailable"));
    }
}
