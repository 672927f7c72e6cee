package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.profile.ProfileEntry;
import org.openenvelope.profile.ProfileEntryType;
import org.openenvelope.profile.ProfileOwners;

/**
 * Which of the account's identity providers signs in which of its domains and addresses. An identity provider
 * vouches only for the users of the Profiles entries assigned to it (the default: also of every entry no other one
 * in force takes), so a subsidiary's IdP cannot sign in the parent's people. The assignment takes effect at once
 * for an identity provider in force; for one still in draft, the default serves the entry until Enable.
 */
@Stateless
public class IdentityProviderDomains {

    public static final String FIELD = "domains";

    @Inject
    AccountAccess access;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    ProfileOwners profileOwners;

    @EJB
    SsoActivation activation;

    @Inject
    AuditLog audit;

    /**
     * Assigns exactly these Profiles entries (domains or addresses, in any spelling) to the named identity provider;
     * the entries it held before and that are not listed go back to the default. Every value is checked first.
     *
     * @throws RejectedValuesException naming each value that is not an entry of the account's Profiles
     */
    public SsoStatusView assign(String accountNumber, String identityProvider, List<String> values) {
        Account account = access.account(accountNumber);
        if (!identityProviders.names(account).contains(identityProvider)) {
            throw new ResourceNotFoundException("Account " + accountNumber + " has no identity provider \""
                    + identityProvider + "\".");
        }
        List<ProfileEntry> entries = profileOwners.entriesOf(account);
        Map<Long, ProfileEntry> chosen = new LinkedHashMap<>();
        List<ValueProblem> problems = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            ProfileEntry entry = find(entries, value);
            if (entry == null) {
                problems.add(new ValueProblem(FIELD, value, "\"" + value + "\" is not a domain or address in the"
                        + " Profiles of account " + accountNumber + "; add it there first."));
            } else {
                chosen.put(entry.getId(), entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        List<String> added = new ArrayList<>();
        List<String> released = new ArrayList<>();
        for (ProfileEntry entry : entries) {
            boolean held = identityProvider.equals(entry.getIdentityProviderName());
            if (chosen.containsKey(entry.getId()) && !held) {
                entry.servedBy(identityProvider);
                added.add(entry.getValue());
            } else if (!chosen.containsKey(entry.getId()) && held) {
                entry.servedBy(null);
                released.add(entry.getValue());
            }
        }
        if (!added.isEmpty() || !released.isEmpty()) {
            audit.record(AuditAction.IDENTITY_PROVIDER_DOMAINS_ASSIGNED, accountNumber, "Identity provider "
                    + identityProvider + (added.isEmpty() ? "" : " now signs in " + String.join(", ", added))
                    + (added.isEmpty() || released.isEmpty() ? "" : ";")
                    + (released.isEmpty() ? "" : " no longer signs in " + String.join(", ", released)));
        }
        return activation.status(accountNumber, identityProvider);
    }

    private static ProfileEntry find(List<ProfileEntry> entries, String raw) {
        if (raw == null) {
            return null;
        }
        ProfileEntryType type = raw.contains("@") ? ProfileEntryType.EMAIL_ADDRESS : ProfileEntryType.DOMAIN;
        String value;
        try {
            value = type.normalise(raw.strip());
        } catch (IllegalArgumentException notAValue) {
            return null;
        }
        return entries.stream().filter(e -> e.getType() == type && e.getValue().equals(value)).findFirst().orElse(null);
    }
}
