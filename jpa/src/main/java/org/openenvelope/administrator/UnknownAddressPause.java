package org.openenvelope.administrator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong sign-ins in a row for an address no administrator has, and the pause they started, exactly as
 * {@link PasswordCredential} counts them for one that exists ({@link SignInBackoff}).
 */
@Entity
@Table(name = "unknown_address_pause")
@NamedQuery(name = UnknownAddressPause.PURGE,
        query = "delete from UnknownAddressPause p where p.lastFailureAt < :before"
                + " and (p.lockedUntil is null or p.lockedUntil < :before)")
public class UnknownAddressPause {

    public static final String PURGE = "UnknownAddressPause.purge";

    @Id
    @Column(name = "address_digest", length = 64)
    private String addressDigest;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    protected UnknownAddressPause() {
    }

    /** @param addressDigest a fixed-length digest of the normalised address */
    public UnknownAddressPause(String addressDigest, Instant now) {
        this.addressDigest = addressDigest;
        this.lastFailureAt = now;
    }

    /** Counts a failure; the pause it starts, if any. */
    public Optional<Instant> recordFailure(Instant now) {
        failedSignIns++;
        lastFailureAt = now;
        Duration lock = SignInBackoff.lockAfter(failedSignIns);
        lockedUntil = lock.isZero() ? null : now.plus(lock);
        return Optional.ofNullable(lockedUntil);
    }

    /** Until when sign-in is paused; empty when it is not. */
    public Optional<Instant> pausedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(lockedUntil) : Optional.empty();
    }
}
