package org.openenvelope.addin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.error.TooManyRequestsException;
import org.openenvelope.security.RateLimiter;
import org.openenvelope.security.RateLimits;
import org.openenvelope.security.SessionKeys;

/**
 * The add-in API's rate limits, per node: sign-in attempts per client address and per email address (on top of the
 * lockout after repeated wrong passwords), and requests per add-in session.
 */
@ApplicationScoped
public class AddinRateLimits {

    @Inject
    @ConfigProperty(name = "openenvelope.addin.rate-limit.sign-ins-per-client", defaultValue = "60")
    int signInsPerClient;

    @Inject
    @ConfigProperty(name = "openenvelope.addin.rate-limit.sign-ins-per-email", defaultValue = "10")
    int signInsPerEmail;

    @Inject
    @ConfigProperty(name = "openenvelope.addin.rate-limit.requests-per-session", defaultValue = "120")
    int requestsPerSession;

    @Inject
    RateLimits rateLimits;

    private RateLimiter clients;
    private RateLimiter emails;
    private RateLimiter sessions;

    @PostConstruct
    void start() {
        clients = rateLimits.perMinute("addin_sign_ins_per_client", signInsPerClient);
        emails = rateLimits.perMinute("addin_sign_ins_per_email", signInsPerEmail);
        sessions = rateLimits.perMinute("addin_requests_per_session", requestsPerSession);
    }

    /** @throws TooManyRequestsException when the client or the address tried too often in the last minute */
    public void signIn(String clientAddress, String email) {
        refuseIf(clients.acquire(clientAddress), "Too many sign-in attempts from your network");
        if (email != null && !email.isBlank()) {
            refuseIf(emails.acquire(email.strip().toLowerCase(Locale.ROOT)), "Too many sign-in attempts for this address");
        }
    }

    /** @throws TooManyRequestsException when the session made too many requests in the last minute */
    public void request(String token) {
        refuseIf(sessions.acquire(SessionKeys.digest(token)), "Too many requests from this add-in");
    }

    private static void refuseIf(Optional<Duration> wait, String what) {
        if (wait.isPresent()) {
            throw new TooManyRequestsException(what, wait.get());
        }
    }
}
