package org.openenvelope.administrator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.openenvelope.security.RateLimiter;
import org.openenvelope.security.RateLimits;

/** Codes tried by a signed-in administrator (for new recovery codes), per administrator: five a minute. */
@ApplicationScoped
public class SecondFactorGuesses {

    @Inject
    RateLimits limits;

    private RateLimiter tries;

    @PostConstruct
    void start() {
        tries = limits.perMinute("administrator_code_tries", 5);
    }

    /** @return how long to wait when the administrator's tries for the minute are used up */
    public Optional<Duration> acquire(String administrator) {
        return tries.acquire(administrator);
    }
}
