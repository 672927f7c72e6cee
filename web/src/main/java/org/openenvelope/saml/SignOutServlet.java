package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.websafe.LocalPath;
import org.openenvelope.websafe.UserPortalCookie;

/**
 * {@code /websafe/logout?token=…}: ends the user-portal session and, when the account's IdP has a logout URL,
 * continues with SP-initiated Single Logout. A link rather than a form, because the service's content policy
 * lets forms submit only to itself and the logout continues at the IdP; the token stops other sites from using
 * the link.
 */
@WebServlet(urlPatterns = "/websafe/logout")
public class SignOutServlet extends HttpServlet {

    @EJB
    SingleLogoutService singleLogout;

    @Inject
    BaseUrl baseUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> key = UserPortalCookie.read(request);
        String base = baseUrl.of(request);
        if (key.isEmpty() || !tokenMatches(key.get(), request.getParameter("token"))) {
            response.sendRedirect(request.getContextPath() + LocalPath.USER_PORTAL);
            return;
        }
        Optional<OutgoingMessage> logout = singleLogout.signOut(key.get(), base);
        UserPortalCookie.clear(request, response, base.startsWith("https:"));
        if (logout.isPresent()) {
            SamlPages.send(request, response, logout.get());
        } else {
            response.sendRedirect(request.getContextPath() + LocalPath.USER_PORTAL + "?signedOut=locally");
        }
    }

    private static boolean tokenMatches(String sessionKey, String token) {
        return token != null && MessageDigest.isEqual(UserPortalCookie.signOutToken(sessionKey).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
