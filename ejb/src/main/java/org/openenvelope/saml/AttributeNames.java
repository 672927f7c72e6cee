package org.openenvelope.saml;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openenvelope.saml.validation.ValidatedAssertion;

/**
 * The names IdPs really send an attribute under. Shibboleth and pysaml2 send {@code uid} as its OID (NameFormat
 * uri) or its {@code urn:mace} name, often with FriendlyName {@code uid}; Entra ID and ADFS send claim URIs; so an
 * attribute is looked for under every name of its kind, and by FriendlyName.
 */
final class AttributeNames {

    static final List<String> UID = List.of("uid", "urn:oid:0.9.2342.19200300.100.1.1", "urn:mace:dir:attribute-def:uid");
    static final List<String> MAIL = List.of("mail", "email", "emailaddress", "urn:oid:0.9.2342.19200300.100.1.3",
            "urn:mace:dir:attribute-def:mail", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    /** Entra ID's {@code …/claims/name} is the user principal name. */
    static final List<String> UPN = List.of("upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
    private static final List<List<String>> KINDS = List.of(UID, MAIL, UPN);

    private AttributeNames() {
    }

    /** An attribute's first non-blank value and the name it came under. */
    record Found(String name, String value) {
    }

    /**
     * The attribute named {@code name}: by exactly that name first, then by any other name of its kind, then by a
     * FriendlyName of its kind. Names of a kind compare without case; any other name exactly.
     */
    static Optional<Found> find(ValidatedAssertion assertion, String name) {
        List<String> kind = kindOf(name);
        Optional<Found> exact = value(assertion, name);
        if (exact.isPresent()) {
            return exact;
        }
        for (Map.Entry<String, List<String>> attribute : assertion.attributes().entrySet()) {
            String friendly = assertion.friendlyNames().get(attribute.getKey());
            boolean ofKind = kind.contains(attribute.getKey().toLowerCase(Locale.ROOT))
                    || friendly != null && kind.contains(friendly.toLowerCase(Locale.ROOT));
            if (ofKind) {
                Optional<Found> found = value(assertion, attribute.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** In words, the other names {@link #find} tries for {@code name}: empty for a name of no known kind. */
    static String alsoLookedFor(String name) {
        List<String> others = kindOf(name).stream().filter(other -> !other.equalsIgnoreCase(name)).toList();
        return others.isEmpty() ? "" : " (also looked for as " + String.join(", ", others) + " and by FriendlyName)";
    }

    private static List<String> kindOf(String name) {
        return KINDS.stream().filter(k -> k.contains(name.toLowerCase(Locale.ROOT))).findFirst().orElse(List.of(name));
    }

    private static Optional<Found> value(ValidatedAssertion assertion, String name) {
        String value = assertion.attribute(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Found(name, value.strip()));
    }
}
