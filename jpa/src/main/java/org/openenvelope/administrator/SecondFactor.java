package org.openenvelope.administrator;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * An administrator's authenticator app (TOTP): the shared secret sealed under the master key, when it was set up,
 * and the last time step whose code was accepted. Codes of that step or earlier are refused, so a code seen over
 * someone's shoulder or replayed from a log cannot be used again.
 */
@Embeddable
public class SecondFactor {

    @Column(name = "totp_secret", length = 400)
    private String sealedSecret;

    @Column(name = "totp_enrolled_at")
    private Instant enrolledAt;

    @Column(name = "totp_last_step")
    private Long lastStep;

    protected SecondFactor() {
    }

    SecondFactor(String sealedSecret, long confirmedStep, Instant now) {
        this.sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.enrolledAt = now;
        this.lastStep = confirmedStep;
    }

    static SecondFactor none() {
        return new SecondFactor();
    }

    boolean isSet() {
        return sealedSecret != null;
    }

    /** @return whether {@code step} is later than every step accepted before; it is the last one from now on */
    boolean accept(long step) {
        if (!isSet() || (lastStep != null && step <= lastStep)) {
            return false;
        }
        lastStep = step;
        return true;
    }

    String sealedSecret() {
        return sealedSecret;
    }

    void reseal(String resealed) {
        sealedSecret = Objects.requireNonNull(resealed, "resealed");
    }

    Instant enrolledAt() {
        return enrolledAt;
    }
}
