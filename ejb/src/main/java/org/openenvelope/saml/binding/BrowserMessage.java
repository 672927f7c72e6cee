package org.openenvelope.saml.binding;

/**
 * A SAML message exactly as the browser brought it, not yet decoded: decoding can fail, and a failure must be
 * reported like any other refusal.
 *
 * @param rawQuery the query string as received (Redirect binding; its signature covers the raw octets)
 */
public record BrowserMessage(boolean post, String rawQuery, String samlRequest, String samlResponse, String relayState) {

    public IncomingMessage decode() {
        String parameter = samlRequest != null ? RedirectBinding.SAML_REQUEST : RedirectBinding.SAML_RESPONSE;
        if (post) {
            return IncomingMessage.post(parameter, samlRequest != null ? samlRequest : samlResponse, relayState);
        }
        return IncomingMessage.redirect(parameter, RedirectBinding.decode(rawQuery, parameter));
    }
}
