package org.openenvelope.saml.binding;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/**
 * The HTTP-POST binding (SAML bindings §3.5): the message base64-encoded in a form field the browser posts on. The
 * message carries its own XML signature, so the binding adds none.
 */
public final class PostBinding {

    private PostBinding() {
    }

    /** The form that posts {@code xml} (already signed) to {@code endpoint}. */
    public static OutgoingMessage.Post encode(String endpoint, String parameter, byte[] xml, String relayState) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(parameter, Base64.getEncoder().encodeToString(xml));
        if (relayState != null) {
            fields.put(RedirectBinding.RELAY_STATE, relayState);
        }
        return new OutgoingMessage.Post(endpoint, fields);
    }

    /**
     * The XML of a posted form field.
     *
     * @throws SamlRejectedException MALFORMED_MESSAGE when missing, too large or not base64
     */
    public static byte[] decode(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The form has no " + parameter + " field.");
        }
        if (value.length() > OpenSaml.MAX_DOCUMENT_BYTES * 4 / 3 + 4) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, parameter + " is larger than "
                    + OpenSaml.MAX_DOCUMENT_BYTES + " bytes.");
        }
        return base64(parameter, value);
    }

    /** Strict base64, tolerating only the line breaks some IdPs wrap it in. */
    static byte[] base64(String parameter, String value) {
        try {
            return Base64.getDecoder().decode(value.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, parameter + " is not valid base64.");
        }
    }
}
