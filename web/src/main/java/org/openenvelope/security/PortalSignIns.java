package org.openenvelope.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.administrator.KnownDevices;
import org.openenvelope.operations.ServiceMetrics;

/**
 * What the portal's sign-in knows about the browser and the network it comes from: wrong passwords per client
 * address (on top of each address's own pause), and the browser's known-device cookie (HttpOnly, SameSite=Strict,
 * Secure over https), which lets an administrator in although strangers' guesses paused their address.
 */
@ApplicationScoped
public class PortalSignIns {

    static final String DEVICE_COOKIE = "OE_ADMIN_DEVICE";

    @Inject
    @ConfigProperty(name = "openenvelope.portal.rate-limit.failed-sign-ins-per-client", defaultValue = "30")
    int failuresPerClient;

    @Inject
    KnownDevices devices;

    @Inject
    ServiceMetrics metrics;

    @Inject
    RateLimits rateLimits;

    private RateLimiter failures;

    @PostConstruct
    void start() {
        failures = rateLimits.perMinute("portal_failed_sign_ins_per_client", failuresPerClient);
    }

    /** How long the client must wait, when its network has used up its wrong passwords for the minute. */
    public Optional<Duration> clientPaused(String clientAddress) {
        Optional<Duration> paused = failures.exhausted(clientAddress);
        paused.ifPresent(wait -> metrics.rateLimited("portal_failed_sign_ins_per_client"));
        return paused;
    }

    public void failed(String clientAddress) {
        failures.acquire(clientAddress);
    }

    public boolean knownDevice(HttpServletRequest request, String email) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).filter(c -> DEVICE_COOKIE.equals(c.getName()))
                .anyMatch(c -> devices.proves(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8), email));
    }

    public void rememberDevice(HttpServletRequest request, HttpServletResponse response, String email) {
        Cookie cookie = new Cookie(DEVICE_COOKIE, URLEncoder.encode(devices.issue(email), StandardCharsets.UTF_8));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) KnownDevices.LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }
}
