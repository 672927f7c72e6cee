package org.openenvelope.saml;

import org.openenvelope.saml.binding.OutgoingMessage;

/**
 * A sign-in sent to the identity provider: the message that takes the browser there and the cookie that keeps the
 * request in that browser ({@link PendingSignIns#COOKIE_PREFIX} + the request id, its value sealed).
 */
public record StartedSignIn(OutgoingMessage message, String cookieName, String cookieValue) {
}
