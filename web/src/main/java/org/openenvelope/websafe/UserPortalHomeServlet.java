package org.openenvelope.websafe;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openenvelope.http.HtmlPages;
import org.openenvelope.portal.PortalBean;

/**
 * The user portal's home, where every sign-in lands: who is signed in, and how. Written directly rather than as a
 * Faces view, because every sign-in pays for it (a Faces render cost as much CPU as the rest of the ACS); it keeps
 * the look of the portal's Faces pages (the same stylesheet and structure).
 */
@WebServlet({LocalPath.USER_PORTAL, UserPortalHomeServlet.INDEX})
public class UserPortalHomeServlet extends HttpServlet {

    static final String INDEX = "/websafe/index.xhtml";

    @EJB
    UserPortalSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> key = UserPortalCookie.read(request);
        Optional<UserPortalSession> session = key.flatMap(sessions::current);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page(request.getContextPath(), session.orElse(null),
                key.map(UserPortalCookie::signOutToken).orElse(""), request.getParameter("signedOut")));
    }

    /** The page; everything from the session or the request is escaped. */
    static String page(String contextPath, UserPortalSession session, String signOutToken, String signedOut) {
        String base = HtmlPages.escape(contextPath);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>Secure messages ·"
                + " OpenEnvelope</title><link type=\"text/css\" rel=\"stylesheet\" href=\"" + base
                + "/jakarta.faces.resource/css/portal.css.xhtml\"/></head><body class=\"signin-body\">"
                + "<main class=\"signin\"><div class=\"brand-large\">OpenEnvelope</div>");
        if (session != null) {
            html.append("<h1>Secure messages</h1><p class=\"info\" role=\"status\" id=\"signed-in\">Signed in as <strong"
                            + " id=\"federation-id\">").append(HtmlPages.escape(session.federationId()))
                    .append("</strong> (account ").append(HtmlPages.escape(session.accountName())).append(", ")
                    .append(HtmlPages.escape(session.accountNumber())).append(").</p><dl class=\"details\">")
                    .append("<dt>Signed in through</dt><dd id=\"signed-in-through\">")
                    .append(session.nameId() == null ? "Password" : "Single sign-on (SAML 2.0)").append("</dd>");
            if (session.nameId() != null) {
                html.append("<dt>Name at the identity provider</dt><dd id=\"name-id\">")
                        .append(HtmlPages.escape(session.nameId())).append("</dd>");
            }
            html.append("<dt>Since</dt><dd>").append(PortalBean.timestamp(session.startedAt())).append("</dd></dl>")
                    .append("<p><a id=\"your-envelopes\" class=\"button\" href=\"").append(base)
                    .append("/websafe/envelopes.xhtml\">Your envelopes</a> <a id=\"sign-out\" class=\"button\" href=\"")
                    .append(base).append("/websafe/logout?token=").append(HtmlPages.escape(signOutToken))
                    .append("\">Sign out</a></p>");
        } else {
            html.append("<h1>You are not signed in</h1>");
            if (signedOut != null && !signedOut.isEmpty()) {
                html.append("<p class=\"info\" role=\"status\" id=\"signed-out\">").append("everywhere".equals(signedOut)
                        ? "You are signed out here and at your identity provider." : "You are signed out.").append("</p>");
            }
            html.append("<p>To read your secure messages, <a id=\"sign-in\" href=\"").append(base)
                    .append("/websafe/login.xhtml\">sign in with your email address</a>.</p>");
        }
        return html.append("</main></body></html>").toString();
    }
}
