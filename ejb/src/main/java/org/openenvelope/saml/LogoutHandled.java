package org.openenvelope.saml;

import org.openenvelope.saml.binding.OutgoingMessage;

/** What came of a message at the Single Logout endpoint. */
public sealed interface LogoutHandled {

    /** The IdP asked us to end sessions; {@code answer} is our LogoutResponse to send back through the browser. */
    record IdpLogout(int sessionsEnded, OutgoingMessage answer) implements LogoutHandled {
    }

    /** The IdP answered our LogoutRequest. */
    record LogoutConfirmed(boolean success, String status, String nextPath) implements LogoutHandled {
    }
}
