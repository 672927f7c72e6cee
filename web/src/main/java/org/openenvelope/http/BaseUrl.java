package org.openenvelope.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's public base URL, from which every SAML endpoint, default SP entity ID and add-in URL is
 * derived. Behind a proxy or load balancer set {@code openenvelope.base-url} (e.g.
 * {@code https://envelope.example.com}): the URL the server sees is then not the one browsers and IdPs use.
 * Without it, the request's own URL is used.
 */
@ApplicationScoped
public class BaseUrl {

    @Inject
    @ConfigProperty(name = "openenvelope.base-url")
    Optional<String> configured;

    public String of(HttpServletRequest request) {
        return configured.map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> fromRequest(request));
    }

    private static String fromRequest(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
