package org.openenvelope.administrator;

import java.time.Duration;

/**
 * How long an administrator is locked out after consecutive failed sign-ins: nothing for the first few typos,
 * then one minute, doubling with every further failure up to a ceiling. Guessing a password online becomes
 * hopeless while a legitimate user who mistypes is never locked out for long.
 */
public final class SignInBackoff {

    public static final int FREE_ATTEMPTS = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(30);

    private SignInBackoff() {
    }

    /** The lock that follows the {@code consecutiveFailures}-th failure in a row; zero when none. */
    public static Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - FREE_ATTEMPTS, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
