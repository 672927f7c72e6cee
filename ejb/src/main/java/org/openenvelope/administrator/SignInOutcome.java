package org.openenvelope.administrator;

import java.time.Instant;
import org.openenvelope.security.Caller;

/** The answer to a password sign-in attempt. */
public sealed interface SignInOutcome {

    /** Signed in; {@code mustChangePassword} sends the administrator to the password page first. */
    record SignedIn(Caller caller, boolean mustChangePassword) implements SignInOutcome {
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
