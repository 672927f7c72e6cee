package org.openenvelope.websafe;

import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.user.AccountUser;

/** What a successful password sign-in opens: the user portal, or the Outlook add-in. */
public interface PasswordSession {

    /** Starts the session of a user whose password was right; returns the key the client is given. */
    String start(AccountUser user);

    /** For the audit trail: "the user portal", "the Outlook add-in for …". */
    String description();

    /** Which sign-in this is, in metrics. */
    default ServiceMetrics.SignInMethod method() {
        return ServiceMetrics.SignInMethod.USER_PASSWORD;
    }
}
