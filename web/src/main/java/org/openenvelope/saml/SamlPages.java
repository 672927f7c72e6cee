package org.openenvelope.saml;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/** Sends SAML messages through the browser, and shows refusals on the user portal's error page. */
public final class SamlPages {

    public static final String FAILURE = SamlPages.class.getName() + ".failure";
    public static final String IDP_STATUS = SamlPages.class.getName() + ".idpStatus";
    public static final String LOGOUT = SamlPages.class.getName() + ".logout";

    private SamlPages() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, OutgoingMessage message)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (message instanceof OutgoingMessage.Redirect redirect) {
            response.sendRedirect(redirect.url());
            return;
        }
        OutgoingMessage.Post post = (OutgoingMessage.Post) message;
        // This page's only form goes to the IdP; the service-wide policy allows forms to ourselves only.
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "form-action " + origin(post.action()) + "; frame-ancestors 'none'; base-uri 'none'");
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Continuing…</title>");
        out.println("<script src=\"" + request.getContextPath() + "/resources/js/saml-post.js\" defer></script></head>");
        out.println("<body><form method=\"post\" action=\"" + html(post.action()) + "\" id=\"saml-post\">");
        for (Map.Entry<String, String> field : post.fields().entrySet()) {
            out.println("<input type=\"hidden\" name=\"" + html(field.getKey()) + "\" value=\"" + html(field.getValue()) + "\">");
        }
        out.println("<noscript><p>Your browser does not run scripts; press Continue to go on.</p></noscript>");
        out.println("<button type=\"submit\">Continue</button></form></body></html>");
    }

    /** The refusal page: the person's sentence, the reason code to quote to their administrator. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, SamlRejectedException e)
            throws IOException, ServletException {
        refuse(request, response, e, false);
    }

    /** The refusal page of a Single Logout message, which speaks of signing out. */
    public static void refuseLogout(HttpServletRequest request, HttpServletResponse response, SamlRejectedException e)
            throws IOException, ServletException {
        refuse(request, response, e, true);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, SamlRejectedException e,
                               boolean logout) throws IOException, ServletException {
        request.setAttribute(LOGOUT, logout);
        request.setAttribute(FAILURE, e.failure());
        if (e.failure() == SamlFailure.IDP_STATUS) {
            // The IdP's own status code and message are meant for the user ("not assigned to this application").
            request.setAttribute(IDP_STATUS, e.detail());
        }
        response.setStatus(e.failure() == SamlFailure.SSO_NOT_CONFIGURED ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_BAD_REQUEST);
        request.getRequestDispatcher("/websafe/sso-error.xhtml").forward(withoutForm(request), response);
    }

    /**
     * The refused request as the error page sees it: without the posted form, which the page never needs and which
     * may be too large for the container to read (reading it would fail inside Faces).
     */
    private static HttpServletRequest withoutForm(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return null;
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Map.of();
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.emptyEnumeration();
            }

            @Override
            public String[] getParameterValues(String name) {
                return null;
            }
        };
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String html(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
