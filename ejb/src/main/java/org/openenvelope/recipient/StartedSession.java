package org.openenvelope.recipient;

/** A recipient's new viewer session: the key for the browser's cookie, and whom it proves. */
public record StartedSession(String sessionKey, String address, RecipientSession.Method method) {
}
