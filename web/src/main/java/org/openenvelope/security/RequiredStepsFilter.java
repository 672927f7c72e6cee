package org.openenvelope.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What an administrator must do before anything else in the portal: choose their own password after signing in
 * with a one-time one, then set up an authenticator app when their account or the service requires one.
 */
@WebFilter(urlPatterns = "/admin/*")
public class RequiredStepsFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/admin/password.xhtml";
    static final String SECOND_FACTOR_PAGE = "/admin/second-factor.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String required = SignedInSession.mustChangePassword(request) ? PASSWORD_PAGE
                : SignedInSession.mustSetUpSecondFactor(request) ? SECOND_FACTOR_PAGE : null;
        if (required != null && !path.equals(required)) {
            response.sendRedirect(request.getContextPath() + required);
            return;
        }
        chain.doFilter(request, response);
    }
}
