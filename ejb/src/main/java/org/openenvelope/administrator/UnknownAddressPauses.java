package org.openenvelope.administrator;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong sign-ins for addresses no administrator has, paused exactly as an administrator's are
 * ({@link SignInBackoff}): so that the answer after five tries tells nobody whether the address exists. Per node, in
 * memory, the least recently tried forgotten beyond a bound so that fresh addresses cannot exhaust memory.
 */
@ApplicationScoped
public class UnknownAddressPauses {

    private static final int MAX_ADDRESSES = 50_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** Until when sign-in for the address is paused; empty when it is not. */
    public synchronized Optional<Instant> pausedUntil(String address, Instant now) {
        Failures seen = failures.get(address);
        return seen == null || seen.lockedUntil() == null || !seen.lockedUntil().isAfter(now)
                ? Optional.empty() : Optional.of(seen.lockedUntil());
    }

    /** Counts a failure; the pause it starts, if any. */
    public synchronized Optional<Instant> failed(String address, Instant now) {
        int count = failures.getOrDefault(address, new Failures(0, null)).count() + 1;
        java.time.Duration lock = SignInBackoff.lockAfter(count);
        Instant until = lock.isZero() ? null : now.plus(lock);
        failures.put(address, new Failures(count, until));
        return Optional.ofNullable(until);
    }
}
