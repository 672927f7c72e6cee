package org.openenvelope.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The service's clock, injectable so that tests can move time (lockouts, expiry) instead of sleeping. */
@ApplicationScoped
public class ServiceClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
