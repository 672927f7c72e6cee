package org.openenvelope.recipient;

import java.time.Duration;

/** What a mailed secret lets its holder do, and for how long. */
public enum ChallengePurpose {
    /** A one-time code that signs the recipient in once, without registering. */
    SIGN_IN_CODE(Duration.ofMinutes(15)),
    /** A link proving the address, after which the recipient chooses their first password. */
    REGISTRATION(Duration.ofHours(24)),
    /** A link with which a registered recipient chooses a new password. */
    PASSWORD_RESET(Duration.ofHours(1));

    private final Duration validity;

    ChallengePurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    /** Whether its secret is a link token (typed by nobody) rather than a short code. */
    public boolean isLink() {
        return this != SIGN_IN_CODE;
    }
}
