package org.openenvelope.administrator;

import java.time.Instant;
import org.openenvelope.security.Caller;

/** The answer to a password sign-in attempt. */
public sealed interface SignInOutcome {

    /**
     * Signed in; {@code mustChangePassword} sends the administrator to the password page first, and
     * {@code mustSetUpSecondFactor} to setting up an authenticator app, which their account or the service requires.
     */
    record SignedIn(Caller caller, boolean mustChangePassword, boolean mustSetUpSecondFactor) implements SignInOutcome {
    }

    /** The password was right; the authenticator app's code (or a recovery code) completes the sign-in. */
    record SecondFactorNeeded(long administratorId) implements SignInOutcome {
    }

    /** Unknown email or wrong password: deliberately indistinguishable. */
    record Refused() implements SignInOutcome {
    }

    /** Too many failures in a row; sign-in is refused without checking the password until then. */
    record Locked(Instant until) implements SignInOutcome {
    }

    /** The administrator's account is suspended. */
    record AccountSuspended() implements SignInOutcome {
    }
}
