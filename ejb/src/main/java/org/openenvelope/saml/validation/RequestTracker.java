package org.openenvelope.saml.validation;

/** The AuthnRequests this service sent and has not yet seen answered. */
public interface RequestTracker {

    /**
     * Marks the outstanding request with this id as answered.
     *
     * @return false when no such request is outstanding (never sent, for another account, expired, or already
     *         answered): the response must then be refused
     */
    boolean consume(String requestId);
}
