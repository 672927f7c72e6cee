package org.openenvelope.operations;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's metrics in the Prometheus text format, for a scraper that presents
 * {@code Authorization: Bearer <openenvelope.metrics.token>}. Without a token configured the endpoint does not
 * exist (404): what a server counts describes it to whoever asks, so it is never open.
 */
@WebServlet(urlPatterns = MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    public static final String PATH = "/operations/metrics";
    static final String TOKEN = "openenvelope.metrics.token";
    static final int MIN_TOKEN_LENGTH = 32;
    private static final Logger LOG = ServiceLog.logger(MetricsServlet.class);
    private static final String BEARER = "Bearer ";

    @Inject
    ServiceMetrics metrics;

    @Inject
    @ConfigProperty(name = TOKEN)
    Optional<String> token;

    private byte[] expected;

    @Override
    public void init() {
        expected = token.map(String::strip).filter(value -> !value.isEmpty()).map(value -> {
            if (value.length() < MIN_TOKEN_LENGTH) {
                LOG.severe(() -> TOKEN + " (OPENENVELOPE_METRICS_TOKEN) is " + value.length() + " characters long;"
                        + " it must have at least " + MIN_TOKEN_LENGTH + " (e.g. `openssl rand -hex 32`). The metrics"
                        + " endpoint stays off.");
                return null;
            }
            return digest(value);
        }).orElse(null);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (expected == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !MessageDigest.isEqual(expected, digest(authorization.substring(BEARER.length()).strip()))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"OpenEnvelope metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setContentType(metrics.contentType());
        response.setHeader("Cache-Control", "no-store");
        metrics.writeTo(response.getOutputStream());
    }

    /** Compared as digests, so the comparison takes the same time whatever the length of the guess. */
    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
