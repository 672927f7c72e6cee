package org.openenvelope.recipient;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.openenvelope.error.AccessDeniedException;

/**
 * Requests that change a recipient's state (sign-in, sign-out, key release, setting a password) must come from
 * the service's own pages: the browser's Origin (or Sec-Fetch-Site) says so. Another site's form or script is
 * refused even where SameSite cookies would not stop it (login CSRF needs no cookie).
 */
final class SameOriginRequests {

    private SameOriginRequests() {
    }

    /** @throws AccessDeniedException when the request names another origin, or none at all */
    static void require(HttpServletRequest request, String baseUrl) {
        if (!allows(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), baseUrl)) {
            throw new AccessDeniedException("This request must come from the service's own pages.");
        }
    }

    /**
     * Browsers send the origin "null" from a file:// page or a sandbox, and also for a same-origin form post from a
     * page whose referrer policy is no-referrer (ours); Sec-Fetch-Site then tells them apart.
     */
    static boolean allows(String origin, String fetchSite, String baseUrl) {
        if (origin != null && !origin.equals("null")) {
            return origin.toLowerCase(Locale.ROOT).equals(originOf(baseUrl));
        }
        return "same-origin".equals(fetchSite);
    }

    static String originOf(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
