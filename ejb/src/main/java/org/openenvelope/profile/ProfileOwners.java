package org.openenvelope.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openenvelope.account.Account;

/**
 * Who owns a domain or an email address: the account whose Profiles list it. A value belongs to one account only
 * (and an address cannot be listed in a domain another account holds), so the answer is unique; it decides which
 * account a sign-in, a mailbox or a just-in-time user belongs to.
 */
@ApplicationScoped
public class ProfileOwners {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The entries of these (normalised) values, whichever accounts hold them. */
    public List<ProfileEntry> entries(ProfileEntryType type, Collection<String> values) {
        return em.createNamedQuery(ProfileEntry.BY_VALUES, ProfileEntry.class)
                .setParameter("type", type).setParameter("values", List.copyOf(values)).getResultList();
    }

    /** The account whose Profiles list the address itself, else its domain. */
    public Optional<Account> accountOf(EmailAddress address) {
        return entry(ProfileEntryType.EMAIL_ADDRESS, address.value())
                .or(() -> entry(ProfileEntryType.DOMAIN, address.domain().ascii()))
                .map(ProfileEntry::getAccount);
    }

    /**
     * Whether the account's Profiles list this identifier as an address or its domain. Lenient about the part
     * before the {@code @} (a federation ID need not be a valid address); anything without a domain is not served.
     */
    public boolean serves(Account account, String identifier) {
        int at = identifier.lastIndexOf('@');
        if (at < 1) {
            return false;
        }
        String domain;
        try {
            domain = ProfileEntryType.DOMAIN.normalise(identifier.substring(at + 1));
        } catch (IllegalArgumentException notADomain) {
            return false;
        }
        return heldBy(account, entry(ProfileEntryType.DOMAIN, domain))
                || heldBy(account, entry(ProfileEntryType.EMAIL_ADDRESS, identifier.toLowerCase(Locale.ROOT)));
    }

    /** The account's own domains, as listed. */
    public List<String> domainsOf(Account account) {
        return em.createNamedQuery(ProfileEntry.BY_ACCOUNT, ProfileEntry.class).setParameter("account", account)
                .getResultStream().filter(entry -> entry.getType() == ProfileEntryType.DOMAIN)
                .map(ProfileEntry::getValue).toList();
    }

    private Optional<ProfileEntry> entry(ProfileEntryType type, String value) {
        return entries(type, List.of(value)).stream().findFirst();
    }

    private static boolean heldBy(Account account, Optional<ProfileEntry> entry) {
        return entry.map(held -> held.getAccount().getId().equals(account.getId())).orElse(false);
    }
}
