package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves. */
    private static final class Ticks implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final Ticks ticks = new Ticks();

    @Test
    void allowsTheLimitAtOnceThenRefusesWithTheWaitUntilTheNextRequestIsAllowed() {
        RateLimiter limiter = RateLimiter.local(6, 100, ticks, () -> { });
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), limiter.acquire("203.0.113.7"), "request " + (i + 1));
        }
        Duration wait = limiter.acquire("203.0.113.7").orElseThrow();
        assertTrue(wait.compareTo(Duration.ofSeconds(9)) > 0 && wait.compareTo(Duration.ofSeconds(10)) <= 0, wait.toString());

        ticks.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), limiter.acquire("203.0.113.7"), "one request refilled after 10 s");
        assertTrue(limiter.acquire("203.0.113.7").isPresent());
    }

    @Test
    void keysAreCountedApart() {
        RateLimiter limiter = RateLimiter.local(1, 100, ticks, () -> { });
        assertTrue(limiter.acquire("alice@example.com").isEmpty());
        assertTrue(limiter.acquire("alice@example.com").isPresent());
        assertTrue(limiter.acquire("bob@example.com").isEmpty());
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeysBeyondTheBound() {
        RateLimiter limiter = RateLimiter.local(1, 2, ticks, () -> { });
        limiter.acquire("a");
        limiter.acquire("b");
        limiter.acquire("c");
        assertTrue(limiter.acquire("a").isEmpty(), "a was forgotten, so it starts afresh");
        assertTrue(limiter.acquire("c").isPresent(), "c is still remembered");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.local(0, 100, ticks, () -> { }));
    }

    @Test
    void tellsOfEachRefusedRequestAndOfNoneAllowed() {
        int[] refused = {0};
        RateLimiter limiter = RateLimiter.local(2, 100, ticks, () -> refused[0]++);
        limiter.acquire("a");
        limiter.acquire("a");
        assertEquals(0, refused[0], "requests within the limit are not refusals");
        limiter.acquire("a");
        limiter.acquire("a");
        limiter.exhausted("a");
        assertEquals(2, refused[0], "each refused acquire is told once; asking whether it is exhausted is none");
    }
}
