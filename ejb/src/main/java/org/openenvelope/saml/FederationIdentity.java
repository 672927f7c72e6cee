package org.openenvelope.saml;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openenvelope.profile.EmailAddress;
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
    /** Where IdPs put the email address by default: LDAP's mail (by name and OID), and the Microsoft claim. */
    static final List<String> EMAIL_ATTRIBUTES = List.of("mail", "email", "urn:oid:0.9.2342.19200300.100.1.3",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");

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

    /**
     * The email address the assertion vouches for, for a recipient of an envelope: the first value that is an
     * address of the alternate email attribute, the usual email attributes, the {@code uid} and a lasting NameID.
     */
    public static Optional<EmailAddress> emailOf(ValidatedAssertion assertion, String alternateEmailAttribute) {
        Stream<String> attributes = Stream.concat(Stream.ofNullable(alternateEmailAttribute), EMAIL_ATTRIBUTES.stream())
                .map(assertion::attribute);
        Stream<String> identifiers = Stream.of(assertion.attribute(UID),
                NameIdFormats.TRANSIENT.equals(assertion.nameIdFormat()) ? null : assertion.nameId());
        return Stream.concat(attributes, identifiers).filter(value -> value != null && value.indexOf('@') > 0)
                .flatMap(FederationIdentity::address).findFirst();
    }

    private static Stream<EmailAddress> address(String value) {
        try {
            return Stream.of(EmailAddress.parse(value.strip()));
        } catch (IllegalArgumentException notAnAddress) {
            return Stream.empty();
        }
    }
}
