package org.openenvelope.administrator;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A password as a person who signs in with one holds it (administrators, and users of Password accounts): its slow
 * hash only, whether it is a one-time password to be replaced, and the lockout that follows failed attempts
 * ({@link SignInBackoff}).
 */
@Embeddable
public class PasswordCredential {

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected PasswordCredential() {
    }

    public PasswordCredential(String passwordHash, boolean mustChangePassword, Instant now) {
        set(passwordHash, mustChangePassword, now);
    }

    /** No password yet: nobody can sign in with one until it is set. */
    public static PasswordCredential none() {
        return new PasswordCredential();
    }

    /** A new password; a one-time password must be replaced at the next sign-in. Unlocks. */
    public void set(String newPasswordHash, boolean oneTime, Instant now) {
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        passwordChangedAt = now;
        mustChangePassword = oneTime;
        failedSignIns = 0;
        lockedUntil = null;
    }

    public boolean isSet() {
        return passwordHash != null;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts the failure and, past the free attempts, locks sign-in for a growing period. */
    public void recordFailure(Instant now) {
        recordFailure(now, SignInBackoff::lockAfter);
    }

    /** As {@link #recordFailure(Instant)}, with the pause {@code backoff} gives after so many failures in a row. */
    public void recordFailure(Instant now, java.util.function.IntFunction<Duration> backoff) {
        failedSignIns++;
        Duration lock = backoff.apply(failedSignIns);
        lockedUntil = lock.isZero() ? null : now.plus(lock);
    }

    public void recordSuccess() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
