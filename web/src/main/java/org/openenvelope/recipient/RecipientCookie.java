package org.openenvelope.recipient;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The envelope viewer's session cookie, apart from the portals' sessions: HttpOnly, SameSite=Strict (a page on
 * another site can neither use nor start a recipient's session), Secure over https.
 */
public final class RecipientCookie {

    static final String NAME = "OE_RECIPIENT_SESSION";

    private RecipientCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String sessionKey) {
        response.addCookie(cookie(request, sessionKey, -1));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
