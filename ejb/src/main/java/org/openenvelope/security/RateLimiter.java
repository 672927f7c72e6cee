package org.openenvelope.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * So many requests per minute per key (a client address, an email address, a session), as token buckets: a burst
 * up to the limit, then one request per refill interval. The buckets are this node's, in memory (the least recently
 * used keys forgotten beyond {@code maxKeys}, so a flood of fresh keys cannot exhaust memory), or shared by the
 * nodes of a cluster ({@link SharedRateLimits}).
 */
public final class RateLimiter {

    static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Function<String, Optional<Bucket>> existing;
    private final Function<String, Bucket> bucket;
    private final Runnable onRefusal;

    /**
     * @param existing  the key's bucket if it has one, without making it
     * @param bucket    the key's bucket, made if needed
     * @param onRefusal told of each {@link #acquire} refused, e.g. to count it
     */
    RateLimiter(int perMinute, Function<String, Optional<Bucket>> existing, Function<String, Bucket> bucket,
                Runnable onRefusal) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("A rate limit must allow at least one request per minute");
        }
        this.perMinute = perMinute;
        this.existing = existing;
        this.bucket = bucket;
        this.onRefusal = onRefusal;
    }

    /** In-memory buckets of this node. */
    public static RateLimiter local(int perMinute, int maxKeys, TimeMeter time, Runnable onRefusal) {
        Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
        BucketConfiguration configuration = configuration(perMinute);
        return new RateLimiter(perMinute, key -> {
            synchronized (buckets) {
                return Optional.ofNullable(buckets.get(key));
            }
        }, key -> {
            synchronized (buckets) {
                return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0])
                        .withCustomTimePrecision(time).build());
            }
        }, onRefusal);
    }

    /** The limit's buckets: its whole allowance at once, refilled evenly over the minute. */
    static BucketConfiguration configuration(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one request from the key's allowance: empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String key) {
        ConsumptionProbe probe = bucket.apply(key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        onRefusal.run();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the key's allowance is used up, without taking from it: how long to wait, else empty. */
    public Optional<Duration> exhausted(String key) {
        Optional<Bucket> found = existing.apply(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EstimationProbe probe = found.get().estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public int perMinute() {
        return perMinute;
    }
}
