package org.openenvelope.saml.binding;

import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.XmlSigner;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * Puts a message of ours on a binding, signed the way that binding signs: the query string for Redirect (an XML
 * signature would not survive the IdP's size limits on URLs, and the bindings spec forbids relying on it), an
 * enveloped XML signature for POST.
 */
public final class MessageEncoder {

    private MessageEncoder() {
    }

    /** @param parameter {@link RedirectBinding#SAML_REQUEST} or {@link RedirectBinding#SAML_RESPONSE} */
    public static OutgoingMessage encode(SamlBinding binding, String endpoint, String parameter,
                                         SignableSAMLObject message, String relayState, BasicX509Credential key) {
        return switch (binding) {
            case HTTP_REDIRECT -> RedirectBinding.encode(endpoint, parameter, OpenSaml.serialize(message), relayState, key);
            case HTTP_POST -> PostBinding.encode(endpoint, parameter, OpenSaml.serialize(XmlSigner.sign(message, key)), relayState);
        };
    }
}
