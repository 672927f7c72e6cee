package org.openenvelope.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * So many requests per minute per key (a client address, an email address, a session), as token buckets: a burst
 * up to the limit, then one request per refill interval. Per node and in memory; the least recently used keys are
 * forgotten beyond {@code maxKeys}, so a flood of fresh keys cannot exhaust memory.
 */
public final class RateLimiter {

    static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final TimeMeter time;
    private final Runnable onRefusal;
    private final Map<String, Bucket> buckets;

    /** @param onRefusal told of each {@link #acquire} refused, e.g. to count it */
    public RateLimiter(int perMinute, int maxKeys, TimeMeter time, Runnable onRefusal) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("A rate limit must allow at least one request per minute");
        }
        this.perMinute = perMinute;
        this.time = time;
        this.onRefusal = onRefusal;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    public RateLimiter(int perMinute, int maxKeys, TimeMeter time) {
        this(perMinute, maxKeys, time, () -> { });
    }

    public RateLimiter(int perMinute) {
        this(perMinute, MAX_KEYS, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes one request from the key's allowance: empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(time).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        onRefusal.run();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the key's allowance is used up, without taking from it: how long to wait, else empty. */
    public Optional<Duration> exhausted(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(key);
        }
        if (bucket == null) {
            return Optional.empty();
        }
        io.github.bucket4j.EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public int perMinute() {
        return perMinute;
    }
}
