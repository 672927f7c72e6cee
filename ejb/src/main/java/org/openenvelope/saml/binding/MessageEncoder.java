package org.openenvelope.saml.binding;

import java.util.Objects;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.XmlSigner;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * Puts a message of ours on a binding, signed the way that binding signs: the query string for Redirect (an XML
 * signature would not survive the IdP's size limits on URLs, and the bindings spec forbids relying on it), an
 * enveloped XML signature for POST.
 *
 * <p>Security: signing is the rule, so {@link #encode} refuses a missing key rather than sending a message unsigned;
 * only {@link #encodeUnsigned}, called by name, leaves the signature out. Logout messages are always signed (an
 * unsigned LogoutRequest would let anyone end a user's sessions at the IdP); an AuthnRequest may go unsigned where
 * the identity provider does not require signed ones, as it asks nothing the IdP would not do for anyone.
 */
public final class MessageEncoder {

    private MessageEncoder() {
    }

    /**
     * The message, signed with {@code key}.
     *
     * @param parameter {@link RedirectBinding#SAML_REQUEST} or {@link RedirectBinding#SAML_RESPONSE}
     */
    public static OutgoingMessage encode(SamlBinding binding, String endpoint, String parameter,
                                         SignableSAMLObject message, String relayState, BasicX509Credential key) {
        Objects.requireNonNull(key, "a signed message needs a key; use encodeUnsigned to send one unsigned");
        return switch (binding) {
            case HTTP_REDIRECT -> RedirectBinding.encode(endpoint, parameter, OpenSaml.serialize(message), relayState, key);
            case HTTP_POST -> PostBinding.encode(endpoint, parameter, OpenSaml.serialize(XmlSigner.sign(message, key)), relayState);
        };
    }

    /**
     * The message without a signature: no SigAlg and Signature parameters on Redirect, no ds:Signature on POST.
     *
     * @param parameter {@link RedirectBinding#SAML_REQUEST} or {@link RedirectBinding#SAML_RESPONSE}
     */
    public static OutgoingMessage encodeUnsigned(SamlBinding binding, String endpoint, String parameter,
                                                 SignableSAMLObject message, String relayState) {
        byte[] xml = OpenSaml.serialize(message);
        return switch (binding) {
            case HTTP_REDIRECT -> RedirectBinding.encodeUnsigned(endpoint, parameter, xml, relayState);
            case HTTP_POST -> PostBinding.encode(endpoint, parameter, xml, relayState);
        };
    }
}
