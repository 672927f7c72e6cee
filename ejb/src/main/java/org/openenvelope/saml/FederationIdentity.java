package org.openenvelope.saml;

import java.util.Optional;
import java.util.stream.Stream;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/**
 * Which value of a validated assertion identifies the user among the account's users (the federation ID): the
 * NameID or one attribute, as the identity provider's configuration chooses ({@link FederationIdSource}). A transient
 * NameID changes at every sign-in, so it identifies a session, never a user. Attributes are found under the names
 * IdPs really use ({@link AttributeNames}).
 */
public final class FederationIdentity {

    private FederationIdentity() {
    }

    /**
     * The federation ID and where it came from, in words for Test SSO's result.
     *
     * @param source e.g. {@code the uid attribute (sent as urn:oid:0.9.2342.19200300.100.1.1)}
     */
    public record Resolved(String value, String source) {
    }

    /**
     * The federation ID as the identity provider's configuration chooses it.
     *
     * @throws SamlRejectedException FEDERATION_ID_MISSING when the chosen value is not in the assertion
     */
    public static Resolved resolve(ValidatedAssertion assertion, IdentityProviderSettings settings) {
        switch (settings.federationIdSource()) {
            case NAME_ID:
                return byNameId(assertion);
            case ATTRIBUTE:
                return byAttribute(assertion, settings.federationIdAttribute());
            default:
                return inLegacyOrder(assertion, settings.alternateEmailAttribute());
        }
    }

    private static Resolved byNameId(ValidatedAssertion assertion) {
        if (NameIdFormats.TRANSIENT.equals(assertion.nameIdFormat())) {
            throw new SamlRejectedException(SamlFailure.FEDERATION_ID_MISSING, "Users are identified by the NameID,"
                    + " but this one is transient (it changes at every sign-in). Identify users by an attribute the"
                    + " identity provider sends (received: " + assertion.attributes().keySet() + "), or have it send a"
                    + " persistent, email or unspecified NameID.");
        }
        return new Resolved(assertion.nameId().strip(), "the NameID (format " + assertion.nameIdFormat()
                + "), as configured");
    }

    private static Resolved byAttribute(ValidatedAssertion assertion, String attribute) {
        Optional<AttributeNames.Found> found = AttributeNames.find(assertion, attribute);
        if (found.isEmpty()) {
            throw new SamlRejectedException(SamlFailure.FEDERATION_ID_MISSING, "Users are identified by the attribute"
                    + " \"" + attribute + "\"" + AttributeNames.alsoLookedFor(attribute) + ", which the assertion does not"
                    + " carry; attributes received: " + assertion.attributes().keySet() + ".");
        }
        return new Resolved(found.get().value(), "the attribute \"" + attribute + "\"" + sentAs(attribute, found.get())
                + ", as configured");
    }

    /** Configurations from before the explicit choice: the alternate email attribute, uid, then a lasting NameID. */
    static Resolved inLegacyOrder(ValidatedAssertion assertion, String alternateEmailAttribute) {
        if (alternateEmailAttribute != null) {
            Optional<AttributeNames.Found> alternate = AttributeNames.find(assertion, alternateEmailAttribute);
            if (alternate.isPresent()) {
                return new Resolved(alternate.get().value(), "the alternate email attribute \"" + alternateEmailAttribute
                        + "\"" + sentAs(alternateEmailAttribute, alternate.get()) + ", which the account configured");
            }
        }
        Optional<AttributeNames.Found> uid = AttributeNames.find(assertion, AttributeNames.UID.get(0));
        if (uid.isPresent()) {
            return new Resolved(uid.get().value(), "the uid attribute" + sentAs("uid", uid.get())
                    + (alternateEmailAttribute == null ? "" : ", as the alternate email attribute was not sent"));
        }
        if (!NameIdFormats.TRANSIENT.equals(assertion.nameIdFormat())) {
            return new Resolved(assertion.nameId().strip(), "the NameID (format " + assertion.nameIdFormat()
                    + "), as the assertion carries no uid attribute" + (alternateEmailAttribute == null ? ""
                    : " nor the alternate email attribute"));
        }
        throw new SamlRejectedException(SamlFailure.FEDERATION_ID_MISSING, "The NameID is transient and the "
                + "assertion carries neither a uid attribute (looked for as " + String.join(", ", AttributeNames.UID)
                + " or FriendlyName uid)" + (alternateEmailAttribute == null ? ""
                : " nor the alternate email attribute \"" + alternateEmailAttribute + "\"")
                + "; attributes received: " + assertion.attributes().keySet() + ".");
    }

    private static String sentAs(String asked, AttributeNames.Found found) {
        return found.name().equals(asked) ? "" : " (sent as " + found.name() + ")";
    }

    /**
     * The email address the assertion vouches for, for a recipient of an envelope: the first value that is an
     * address of the alternate email attribute, the email attribute under its usual names, the UPN, the
     * {@code uid} and a lasting NameID.
     */
    public static Optional<EmailAddress> emailOf(ValidatedAssertion assertion, String alternateEmailAttribute) {
        Stream<String> attributes = Stream.of(alternateEmailAttribute, "mail", "upn", "uid")
                .filter(name -> name != null)
                .map(name -> AttributeNames.find(assertion, name).map(AttributeNames.Found::value).orElse(null));
        Stream<String> nameId = Stream.of(NameIdFormats.TRANSIENT.equals(assertion.nameIdFormat()) ? null : assertion.nameId());
        return Stream.concat(attributes, nameId).filter(value -> value != null && value.indexOf('@') > 0)
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
