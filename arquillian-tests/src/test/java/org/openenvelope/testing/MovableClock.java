package org.openenvelope.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the service's clock in a test deployment so that a test can move time forward (lockouts, last-used
 * precision) instead of sleeping. Until moved it reads the system clock.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableClock {

    private volatile Duration offset = Duration.ZERO;

    @Produces
    Clock clock() {
        return new Offset();
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public Instant now() {
        return Instant.now().plus(offset);
    }

    private final class Offset extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
