package org.openenvelope.saml;

import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
/**
 * Which value of a validated assertion identifies the user among the account's users (the federation ID), in
 * order: the account's alternate email attribute, the {@code uid} attribute, then the NameID unless it is
 * transient (a transient NameID changes at every sign-in, so it identifies a session, never a user).
 */
public final class FederationIdentity {

    public static final String UID = "uid";

    private FederationIdentity() {
    }

    /**
     * @throws SamlRejectedException FEDERATION_ID_MISSING when none of them is present
     */
    public static String of(ValidatedAssertion assertion, String alternateEmailAttribute) {
        if (alternateEmailAttribute != null) {
            String alternate = assertion.attribute(alternateEmailAttribute);
            if (alternate != null && !alternate.isBlank()) {
                return alternate.strip();
            }
        }
        String uid = assertion.attribute(UID);
        if (uid != null && !uid.isBlank()) {
            return uid.strip();
        }
        if (!NameIdFormats.TRANSIENT.equals(assertion.nameIdFormat())) {
            return assertion.nameId().strip();
        }
        throw new SamlRejectedException(SamlFailure.FEDERATION_ID_MISSING, "The NameID is transient and the "
                + "assertion carries neither a uid attribute" + (alternateEmailAttribute == null ? ""
                : " nor the alternate email attribute \"" + alternateEmailAttribute + "\"")
                + "; attributes received: " + assertion.attributes().keySet() + ".");
    }
}
