package org.openenvelope.saml;

import java.util.List;

/**
 * One of an account's identity providers in a list: its name, whether it is the default (signing in every address
 * no Profiles entry assigns to another in force), its entity ID (in force, else the draft's), the verified Profiles
 * entries it signs in now, and those assigned to it (which it signs in once it is in force and they are verified).
 */
public record IdentityProviderSummary(String name, boolean isDefault, String entityId, boolean enabled,
                                      boolean hasDraft, List<String> serves, List<String> assigned) {

    /** The entries it signs in, as a list to read. */
    public String servesText() {
        return String.join(", ", serves);
    }

    /** The entries assigned to it that it does not sign in yet (it is not in force, or they are not verified). */
    public String pendingText() {
        return String.join(", ", assigned.stream().filter(entry -> !serves.contains(entry)).toList());
    }
}
