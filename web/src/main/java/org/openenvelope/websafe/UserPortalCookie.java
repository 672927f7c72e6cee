package org.openenvelope.websafe;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The user portal's session cookie. It is separate from the container's session (which belongs to the admin
 * portal), so signing in as a user, or an administrator's Test SSO, never ends an administrator's session. It
 * holds a random key whose digest the database keeps; HttpOnly, SameSite=Lax (so cross-site posts carry no
 * session), Secure when served over https.
 */
public final class UserPortalCookie {

    static final String NAME = "OE_USER_SESSION";

    private UserPortalCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String sessionKey, boolean secure) {
        response.addCookie(cookie(request, sessionKey, secure, -1));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        response.addCookie(cookie(request, "", secure, 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, boolean secure, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The sign-out link's token: tied to the session, so another site cannot sign the user out. */
    public static String signOutToken(String sessionKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("sign-out:" + sessionKey).getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
