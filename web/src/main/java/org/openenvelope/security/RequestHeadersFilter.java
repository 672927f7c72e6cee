package org.openenvelope.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openenvelope.operations.ServiceLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.audit.RequestOrigin;

/**
 * Every request gets an ID, sent back as {@code X-Request-Id} and carried by the log records written for it
 * ({@link ServiceLog}); every response gets the browser protections a security reviewer expects (the add-in's pages
 * their own, see {@link FramedPages}); every request's client address is
 * recorded for the audit log, taken from {@code X-Forwarded-For} only when the direct peer is a configured
 * trusted proxy ({@code openenvelope.http.trusted-proxies}), because the header is otherwise forgeable.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestHeadersFilter extends HttpFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    RequestOrigin origin;

    @Inject
    FramedPages framedPages;

    @Inject
    @ConfigProperty(name = "openenvelope.http.trusted-proxies", defaultValue = " ")
    String trustedProxies;

    private Set<String> proxies;

    @Override
    public void init() {
        proxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = requestId(request);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        ServiceLog.beginRequest(requestId);
        try {
            filtered(request, response, chain);
        } finally {
            ServiceLog.endRequest();
        }
    }

    private void filtered(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.address(clientAddress(request));
        origin.userAgent(request.getHeader("User-Agent"));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (framedPages.covers(path)) {
            // Outlook frames the add-in's pages; the policy names who may, so X-Frame-Options (deny-all) is left out.
            response.setHeader("Content-Security-Policy", framedPages.contentSecurityPolicy());
        } else {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }

    /** The trusted proxy's request ID, if it sent a plausible one; else a new one, for the logs and the response. */
    private String requestId(HttpServletRequest request) {
        String forwarded = request.getHeader(REQUEST_ID_HEADER);
        if (forwarded != null && REQUEST_ID.matcher(forwarded).matches() && proxies.contains(request.getRemoteAddr())) {
            return forwarded;
        }
        return UUID.randomUUID().toString();
    }

    private String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !proxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }
}
