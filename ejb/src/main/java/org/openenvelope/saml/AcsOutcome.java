package org.openenvelope.saml;

/** What the assertion consumer did with a Response: a user signed in, or an administrator's Test SSO finished. */
public sealed interface AcsOutcome {

    /**
     * A new user-portal session.
     *
     * @param sessionKey the secret the browser's cookie keeps; only its digest is stored
     * @param nextPath   the local path to continue to
     */
    record SignedIn(String sessionKey, String accountNumber, String federationId, String nextPath) implements AcsOutcome {
    }

    /** A Test SSO run completed, passed or failed; its result page shows which. No session exists. */
    record TestFinished(String accountNumber, long testId) implements AcsOutcome {
    }
}
