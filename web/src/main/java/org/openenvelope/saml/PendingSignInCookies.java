package org.openenvelope.saml;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The cookies that keep a browser's pending sign-ins ({@link PendingSignIns}): one per request, sent only to the
 * account's SAML endpoints, HttpOnly and SameSite=Lax. The IdP's answer arrives as a cross-site POST, which carries
 * no SameSite cookie, so the ACS first posts it again from this site ({@link SamlEndpointServlet}). Each lives a
 * minute longer than its request, so that a late answer is told it came too late rather than from another browser.
 */
final class PendingSignInCookies {

    /** A browser that left this many sign-ins unanswered has abandoned them: the next start drops them. */
    static final int MOST_PENDING = 8;

    private PendingSignInCookies() {
    }

    /** This browser's pending-sign-in cookies, by name. */
    static Map<String, String> read(HttpServletRequest request) {
        Map<String, String> pending = new HashMap<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().startsWith(PendingSignIns.COOKIE_PREFIX)) {
                    pending.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return pending;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String account, StartedSignIn started,
                      boolean secure) {
        Map<String, String> earlier = read(request);
        if (earlier.size() >= MOST_PENDING) {
            earlier.keySet().forEach(name -> response.addCookie(cookie(request, account, name, "", 0, secure)));
        }
        response.addCookie(cookie(request, account, started.cookieName(), started.cookieValue(),
                (int) PendingSignIns.LIFETIME.plusMinutes(1).toSeconds(), secure));
    }

    private static Cookie cookie(HttpServletRequest request, String account, String name, String value, int maxAge,
                                 boolean secure) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(request.getContextPath() + "/saml/" + account + "/");
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
