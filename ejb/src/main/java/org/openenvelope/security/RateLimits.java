package org.openenvelope.security;

import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openenvelope.operations.ServiceMetrics;

/**
 * Makes the service's rate limiters, each named, so that its refusals are counted under that name: shared by the
 * nodes of a cluster when the database is PostgreSQL ({@link SharedRateLimits}), else in this node's memory.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    ServiceMetrics metrics;

    @Inject
    SharedRateLimits shared;

    /** @param name the limit in metrics and in the shared store, e.g. {@code recipient_sign_ins_per_address} */
    public RateLimiter perMinute(String name, int perMinute) {
        Runnable refused = () -> metrics.rateLimited(name);
        return shared.active() ? shared.limiter(name, perMinute, refused)
                : RateLimiter.local(perMinute, RateLimiter.MAX_KEYS, TimeMeter.SYSTEM_NANOTIME, refused);
    }
}
