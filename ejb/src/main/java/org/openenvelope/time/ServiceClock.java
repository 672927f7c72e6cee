package org.openenvelope.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The service's clock, injectable so that tests can move time (lockouts, expiry) instead of sleeping. It ticks in
 * microseconds, the precision both databases store, so a time handed back at creation equals the one read later.
 */
@ApplicationScoped
public class ServiceClock {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
