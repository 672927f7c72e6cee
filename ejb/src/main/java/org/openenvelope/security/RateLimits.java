package org.openenvelope.security;

import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openenvelope.operations.ServiceMetrics;

/** Makes the service's rate limiters, each named, so that its refusals are counted under that name. */
@ApplicationScoped
public class RateLimits {

    @Inject
    ServiceMetrics metrics;

    /** @param name the limit in metrics, e.g. {@code recipient_sign_ins_per_address} */
    public RateLimiter perMinute(String name, int perMinute) {
        return new RateLimiter(perMinute, RateLimiter.MAX_KEYS, TimeMeter.SYSTEM_NANOTIME, () -> metrics.rateLimited(name));
    }
}
