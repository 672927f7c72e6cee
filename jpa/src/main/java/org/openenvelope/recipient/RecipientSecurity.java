package org.openenvelope.recipient;

import java.time.Duration;

/**
 * How an account's recipients must sign in (its Security tab), as values.
 *
 * @param passwordMinLength     the shortest password a recipient may choose for its envelopes
 * @param rejectCommonPasswords whether passwords among the most common ones are refused
 * @param freeAttempts          wrong passwords in a row before sign-in pauses
 * @param firstLockMinutes      the first pause; it doubles with every further wrong password, up to 30 minutes
 * @param sessionMinutes        how long after signing in a recipient may open the account's envelopes
 * @param noScriptReading       whether the page without JavaScript may decrypt on the server
 */
public record RecipientSecurity(int passwordMinLength, boolean rejectCommonPasswords, int freeAttempts,
                                int firstLockMinutes, int sessionMinutes, boolean noScriptReading) {

    /** What every account has until it changes it (the session length is the service's configured one). */
    public static RecipientSecurity defaults(int sessionMinutes) {
        return new RecipientSecurity(12, true, 5, 1, sessionMinutes, true);
    }

    /** Whether a sign-in made at {@code startedAt} still opens the account's envelopes at {@code now}. */
    public boolean stillOpens(java.time.Instant startedAt, java.time.Instant now) {
        return !startedAt.plus(Duration.ofMinutes(sessionMinutes)).isBefore(now);
    }

    /** The pause after the {@code consecutiveFailures}-th wrong password in a row; zero when none. */
    public Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < freeAttempts) {
            return Duration.ZERO;
        }
        Duration lock = Duration.ofMinutes(firstLockMinutes).multipliedBy(1L << Math.min(consecutiveFailures - freeAttempts, 10));
        return lock.compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30) : lock;
    }
}
