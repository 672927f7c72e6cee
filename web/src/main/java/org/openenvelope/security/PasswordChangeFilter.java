package org.openenvelope.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An administrator signed in with a one-time password can do nothing but choose their own password. */
@WebFilter(urlPatterns = "/admin/*")
public class PasswordChangeFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/admin/password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SignedInSession.mustChangePassword(request) && !path.equals(PASSWORD_PAGE)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
