package org.openenvelope.administrator;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.openenvelope.security.RateLimiter;

/** Codes tried by a signed-in administrator (for new recovery codes), per administrator: five a minute. */
@ApplicationScoped
public class SecondFactorGuesses {

    private final RateLimiter tries = new RateLimiter(5);

    /** @return how long to wait when the administrator's tries for the minute are used up */
    public Optional<Duration> acquire(String administrator) {
        return tries.acquire(administrator);
    }
}
