package org.openenvelope.error;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** The caller went over a rate limit; it may try again after {@link #retryAfter()}. */
@ApplicationException(rollback = true)
public class TooManyRequestsException extends ServiceException {

    private final Duration retryAfter;

    /** @param what what went over the limit, e.g. "Too many sign-in attempts for this address" */
    public TooManyRequestsException(String what, Duration retryAfter) {
        super("too_many_requests", what + ": try again in " + seconds(retryAfter) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as Retry-After carries them. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
