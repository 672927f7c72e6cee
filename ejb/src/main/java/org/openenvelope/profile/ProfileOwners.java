package org.openenvelope.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openenvelope.account.Account;

/**
 * Who owns a domain or an email address: the account whose Profiles list it <em>verified</em>. A verified value
 * belongs to one account only (and an address cannot be verified in a domain another account holds), so the answer
 * is unique; it decides which account a sign-in, a sender, a recipient or a just-in-time user belongs to. An
 * unverified claim owns nothing.
 */
@ApplicationScoped
public class ProfileOwners {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The verified entries of these (normalised) values, whichever accounts hold them. */
    public List<ProfileEntry> verified(ProfileEntryType type, Collection<String> values) {
        return em.createNamedQuery(ProfileEntry.VERIFIED_BY_VALUES, ProfileEntry.class)
                .setParameter("type", type).setParameter("values", List.copyOf(values)).getResultList();
    }

    /** The account whose Profiles list the address itself, else its domain. */
    public Optional<Account> accountOf(EmailAddress address) {
        return addressFirst(verifiedAddressOrDomain(address.value(), address.domain().ascii()))
                .map(ProfileEntry::getAccount);
    }

    /**
     * Whether the account's Profiles list this identifier as an address or its domain. Lenient about the part
     * before the {@code @} (a federation ID need not be a valid address); anything without a domain is not served.
     */
    public boolean serves(Account account, String identifier) {
        return entryServing(account, identifier).isPresent();
    }

    /** The account's verified entry that serves this identifier: its domain's, else the address's own. */
    public Optional<ProfileEntry> entryServing(Account account, String identifier) {
        return domainOf(identifier).flatMap(domain -> addressFirst(verifiedAddressOrDomain(
                identifier.toLowerCase(Locale.ROOT), domain).filter(e -> heldBy(account, e))));
    }

    /**
     * {@link #serves} for a whole list of identifiers (an export, an import): the account's verified entries are
     * read once, not twice an identifier. Since a verified value belongs to this account alone, the answers are
     * the same.
     */
    public Predicate<String> servedBy(Account account) {
        Set<String> addresses = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (ProfileEntry entry : entriesOf(account)) {
            if (entry.isVerified()) {
                (entry.getType() == ProfileEntryType.DOMAIN ? domains : addresses).add(entry.getValue());
            }
        }
        return identifier -> domainOf(identifier).filter(domain -> addresses.contains(identifier.toLowerCase(
                Locale.ROOT)) || domains.contains(domain)).isPresent();
    }

    /** The normalised domain after the last {@code @}, when there is something before it and it is a domain. */
    private static Optional<String> domainOf(String identifier) {
        int at = identifier == null ? -1 : identifier.lastIndexOf('@');
        if (at < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileEntryType.DOMAIN.normalise(identifier.substring(at + 1)));
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
    }

    /** The account's entries, domains and addresses, verified or not. */
    public List<ProfileEntry> entriesOf(Account account) {
        return em.createNamedQuery(ProfileEntry.BY_ACCOUNT, ProfileEntry.class).setParameter("account", account)
                .getResultList();
    }

    /** The account's own domains, as listed, verified or not (settings may be prepared before the proof). */
    public List<String> domainsOf(Account account) {
        return em.createNamedQuery(ProfileEntry.BY_ACCOUNT, ProfileEntry.class).setParameter("account", account)
                .getResultStream().filter(entry -> entry.getType() == ProfileEntryType.DOMAIN)
                .map(ProfileEntry::getValue).toList();
    }

    /** The verified entries of the address and of its domain, in one query: every sign-in asks. */
    private Stream<ProfileEntry> verifiedAddressOrDomain(String address, String domain) {
        return em.createNamedQuery(ProfileEntry.VERIFIED_ADDRESS_OR_DOMAIN, ProfileEntry.class)
                .setParameter("addressType", ProfileEntryType.EMAIL_ADDRESS).setParameter("address", address)
                .setParameter("domainType", ProfileEntryType.DOMAIN).setParameter("domain", domain)
                .getResultStream();
    }

    private static Optional<ProfileEntry> addressFirst(Stream<ProfileEntry> entries) {
        return entries.min(Comparator.comparing(entry -> entry.getType() != ProfileEntryType.EMAIL_ADDRESS));
    }

    private static boolean heldBy(Account account, ProfileEntry entry) {
        return entry.getAccount().getId().equals(account.getId());
    }
}
