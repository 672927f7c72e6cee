package org.openenvelope.saml;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.openenvelope.security.SessionKeys;

/**
 * The random key that binds a browser's SAML requests to it: set when a sign-in starts, its digest stored with the
 * request, presented again at the ACS. HttpOnly, limited to the SAML endpoints, Secure over https.
 *
 * <p>SameSite=Lax, not None: the IdP's answer is a cross-site POST, which carries no Lax cookie, so the ACS first
 * answers a POST without it with a page that posts the same form again from this site ({@code SamlEndpointServlet});
 * that second POST carries it. This works alike over https and plain http (where SameSite=None is refused without
 * Secure), and no other site's request ever carries the cookie.
 */
final class SamlBrowserCookie {

    static final String NAME = "OE_SAML_BROWSER";

    private SamlBrowserCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName()))
                .map(Cookie::getValue).filter(SessionKeys::wellFormed).findFirst();
    }

    /** The browser's key, made and set now if it has none; kept for the browser session, for every tab's sign-in. */
    static String ensure(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        return read(request).orElseGet(() -> {
            String key = SessionKeys.generate();
            Cookie cookie = new Cookie(NAME, key);
            cookie.setHttpOnly(true);
            cookie.setSecure(secure);
            cookie.setPath(request.getContextPath() + "/saml/");
            cookie.setMaxAge(-1);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return key;
        });
    }
}
