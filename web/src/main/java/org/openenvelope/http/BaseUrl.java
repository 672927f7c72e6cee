package org.openenvelope.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.error.ConflictException;

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

    /**
     * The base URL for links the service mails to people and puts in attachments. A request's Host header is the
     * client's to choose, so it is trusted only from a client on this machine (the embedded default run);
     * otherwise {@code openenvelope.base-url} must be set.
     *
     * @throws ConflictException naming {@code openenvelope.base-url} when it is not set and the client is remote
     */
    public String forLinks(HttpServletRequest request) {
        if (!trustsForLinks(configured.map(String::strip).filter(url -> !url.isEmpty()).isPresent(), request.getRemoteAddr())) {
            throw new ConflictException("openenvelope.base-url", "This service has no public URL configured"
                    + " (openenvelope.base-url), so it sends no links; ask its administrator to set it.");
        }
        return of(request);
    }

    static boolean trustsForLinks(boolean configuredUrl, String clientAddress) {
        return configuredUrl || isLoopback(clientAddress);
    }

    private static boolean isLoopback(String address) {
        try {
            // an address literal only: a name here would mean a DNS lookup per request
            return address != null && address.matches("[0-9a-fA-F:.]+") && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String fromRequest(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
