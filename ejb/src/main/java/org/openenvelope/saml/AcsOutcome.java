package org.openenvelope.saml;

/**
 * What the assertion consumer did with a Response: a user signed in, a recipient signed in to the envelope viewer,
 * or an administrator's Test SSO finished.
 */
public sealed interface AcsOutcome {

    /**
     * A new user-portal session.
     *
     * @param sessionKey the secret the browser's cookie keeps; only its digest is stored
     * @param nextPath   the local path to continue to
     */
    record SignedIn(String sessionKey, String accountNumber, String federationId, String nextPath) implements AcsOutcome {
    }

    /**
     * A recipient's envelope-viewer session, vouched for by the IdP of the account that owns the address.
     *
     * @param nextPath the viewer of the envelope the recipient was opening
     */
    record RecipientSignedIn(String sessionKey, String nextPath) implements AcsOutcome {
    }

    /**
     * An account administrator the account's identity provider vouched for: a portal session starts for them.
     *
     * @param nextPath the portal page to continue to
     */
    record AdministratorSignedIn(long administratorId, String nextPath) implements AcsOutcome {
    }

    /** A Test SSO run completed, passed or failed; its result page shows which. No session exists. */
    record TestFinished(String accountNumber, long testId) implements AcsOutcome {
    }
}
