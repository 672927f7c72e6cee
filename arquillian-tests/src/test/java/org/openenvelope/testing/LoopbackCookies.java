package org.openenvelope.testing;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for tests on loopback: cookies per host and name, sent on every request to that host.
 * Unlike {@link java.net.CookieManager} it keeps Secure cookies over http, because Keycloak in dev mode sets
 * them even there (a real browser treats localhost as a secure context). A request marked
 * {@code Sec-Fetch-Site: cross-site} (a form another site's page posts) gets none, as OpenEnvelope's cookies are all
 * SameSite=Lax or Strict.
 */
final class LoopbackCookies extends CookieHandler {

    static final String FETCH_SITE = "Sec-Fetch-Site";
    static final String CROSS_SITE = "cross-site";

    private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
        boolean crossSite = requestHeaders.entrySet().stream()
                .anyMatch(header -> FETCH_SITE.equalsIgnoreCase(header.getKey()) && header.getValue().contains(CROSS_SITE));
        if (cookies.isEmpty() || crossSite) {
            return Map.of();
        }
        return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "))));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            if (header.getKey() == null || !header.getKey().equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            for (String value : header.getValue()) {
                for (HttpCookie cookie : HttpCookie.parse(value)) {
                    Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
                    if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                        jar.remove(cookie.getName());
                    } else {
                        jar.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
        }
    }

    Optional<String> value(String host, String name) {
        return Optional.ofNullable(byHost.getOrDefault(host, Map.of()).get(name));
    }
}
