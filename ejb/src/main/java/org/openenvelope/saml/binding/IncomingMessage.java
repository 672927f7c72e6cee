package org.openenvelope.saml.binding;

/**
 * A SAML message as it arrived at one of our endpoints.
 *
 * @param parameter {@code SAMLRequest} or {@code SAMLResponse}: which kind of message the sender says it is
 * @param redirect  for the Redirect binding, what is needed to verify its query-string signature; null for POST
 */
public record IncomingMessage(String parameter, byte[] xml, String relayState, RedirectBinding.Received redirect) {

    public static IncomingMessage redirect(String parameter, RedirectBinding.Received received) {
        return new IncomingMessage(parameter, received.xml(), received.relayState(), received);
    }

    public static IncomingMessage post(String parameter, String base64, String relayState) {
        return new IncomingMessage(parameter, PostBinding.decode(parameter, base64), relayState, null);
    }

    public boolean isRequest() {
        return RedirectBinding.SAML_REQUEST.equals(parameter);
    }
}
