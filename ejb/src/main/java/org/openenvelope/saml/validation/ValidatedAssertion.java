package org.openenvelope.saml.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a Response that passed every check says, taken only from signed content.
 *
 * @param inResponseTo the id of our AuthnRequest it answers; null for an (allowed) IdP-initiated sign-in
 * @param sessionIndex the IdP's session index, needed for Single Logout; may be null
 * @param sessionNotOnOrAfter when the IdP wants the session to end; may be null
 * @param attributes   attribute name to its values, in document order
 * @param friendlyNames attribute name to the FriendlyName the IdP gave it, where it gave one
 */
public record ValidatedAssertion(String issuer, String assertionId, String inResponseTo, String nameId,
                                 String nameIdFormat, String nameQualifier, String spNameQualifier,
                                 String sessionIndex, Instant authnInstant, Instant sessionNotOnOrAfter,
                                 Instant notBefore, Instant notOnOrAfter,
                                 Map<String, List<String>> attributes, Map<String, String> friendlyNames) {

    public ValidatedAssertion {
        attributes = Map.copyOf(attributes);
        friendlyNames = Map.copyOf(friendlyNames);
    }

    /** The first value of an attribute, or null. */
    public String attribute(String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
