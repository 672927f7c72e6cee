package org.openenvelope.saml;

import java.util.HashSet;
import java.util.Set;

/**
 * The rule for which of an account's identity providers signs in a Profiles entry: the one the entry is assigned
 * to while that one is in force, else the default (the first created, which is in force whenever another is).
 * Sign-in, Test SSO and the portal's list all ask this one rule.
 *
 * @param defaultName the default identity provider's name
 * @param inForce     the names of the identity providers in force, and of a draft judged as if it were
 */
public record IdentityProviderRouting(String defaultName, Set<String> inForce) {

    public IdentityProviderRouting {
        inForce = Set.copyOf(inForce);
    }

    /** @param assigned the identity provider an entry is assigned to; null for none (or no entry at all) */
    public String serving(String assigned) {
        return assigned != null && inForce.contains(assigned) ? assigned : defaultName;
    }

    /** The same rule with a draft's assignments counted as in force: what a Test SSO of that draft is judged by. */
    public IdentityProviderRouting withDraft(String name) {
        Set<String> names = new HashSet<>(inForce);
        names.add(name);
        return new IdentityProviderRouting(defaultName, names);
    }
}
