package org.openenvelope.saml.validation;

import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlRejectedException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

/**
 * The checks every SAML message from an identity provider passes, whichever its kind (Response, LogoutRequest,
 * LogoutResponse): parsed by the hardened parser as the expected type, issued by the trusted IdP under its entity
 * ID, addressed to this SP's endpoint. One set, so that the assertion consumer and Single Logout cannot drift apart.
 */
final class MessageChecks {

    private MessageChecks() {
    }

    /**
     * Parses {@code xml} with the hardened parser (no DTDs, no external entities) and requires {@code type}.
     *
     * @throws SamlRejectedException MALFORMED_MESSAGE or WRONG_MESSAGE_TYPE
     */
    static <T extends SignableSAMLObject> T parse(byte[] xml, Class<T> type, String expected) {
        XMLObject parsed;
        try {
            parsed = OpenSaml.parse(xml);
        } catch (XmlRejectedException e) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, e.getMessage());
        }
        if (!type.isInstance(parsed)) {
            throw new SamlRejectedException(SamlFailure.WRONG_MESSAGE_TYPE, "Expected a " + expected + ", received "
                    + parsed.getElementQName().getLocalPart() + ".");
        }
        return type.cast(parsed);
    }

    /**
     * The Issuer must be the trusted IdP's entity ID, in the entity format (or none, which means it): an Issuer
     * in another format is not an entity ID, whatever its value.
     *
     * @param where the element it belongs to, for the message ("Response", "Assertion", "LogoutRequest")
     * @throws SamlRejectedException ISSUER_MISMATCH, also when there is no Issuer
     */
    static void requireIssuer(Issuer issuer, String where, IdentityProviderTrust idp) {
        if (issuer == null) {
            throw new SamlRejectedException(SamlFailure.ISSUER_MISMATCH, "The " + where + " has no Issuer.");
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw new SamlRejectedException(SamlFailure.ISSUER_MISMATCH, "The " + where + "'s Issuer has the format "
                    + issuer.getFormat() + "; an entity ID is required.");
        }
        if (!idp.entityId().equals(issuer.getValue())) {
            throw new SamlRejectedException(SamlFailure.ISSUER_MISMATCH, "The " + where + " was issued by \""
                    + issuer.getValue() + "\", but this account trusts the identity provider \"" + idp.entityId() + "\".");
        }
    }

    /**
     * A Destination, when present, must be this SP's endpoint for the message: it keeps a message meant for
     * another SP (or another endpoint) from being replayed here.
     *
     * @param endpointName the endpoint in words ("assertion consumer service", "Single Logout service")
     * @param required whether a missing Destination is refused too (a signed Response must name its ACS)
     * @throws SamlRejectedException DESTINATION_MISMATCH
     */
    static void requireDestination(String destination, String where, String endpointName, String endpoint,
                                   boolean required) {
        if (destination == null) {
            if (required) {
                throw new SamlRejectedException(SamlFailure.DESTINATION_MISMATCH, "The signed " + where
                        + " has no Destination; it must name " + endpoint + ".");
            }
            return;
        }
        if (!destination.equals(endpoint)) {
            throw new SamlRejectedException(SamlFailure.DESTINATION_MISMATCH, "The " + where + " is addressed to "
                    + destination + ", but this account's " + endpointName + " is " + endpoint + ".");
        }
    }
}
