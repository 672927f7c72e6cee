package org.openenvelope.profile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.security.Caller;

/**
 * The Profiles tab: the domains and email addresses an account claims, and the proof of each claim. A claim routes
 * nothing until it is verified (see {@link ProfileOwners}): by the TXT record shown for it, found in DNS at its
 * domain, or by a service administrator's word.
 */
@Stateless
public class ProfileService {

    public static final String VALUES_FIELD = "values";
    public static final String VERIFICATION_FIELD = "verification";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    ProfileOwners owners;

    @Inject
    AccountAccess access;

    @Inject
    DnsTxtRecords txtRecords;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * One page of the account's domains and email addresses, by type and value, those containing {@code search}
     * (any case) when it is given. A term with non-ASCII letters ("bücher") is looked for in the Unicode form of
     * the values, which the database does not hold (it stores punycode), so among the account's entries in memory.
     */
    public Page<ProfileEntryView> findEntries(String accountNumber, String search, int page, int size) {
        Account account = access.account(accountNumber);
        SearchTerm term = SearchTerm.of(search);
        if (!term.text().chars().allMatch(c -> c < 0x80)) {
            return Paging.of(page, size).page(em.createNamedQuery(ProfileEntry.BY_ACCOUNT, ProfileEntry.class)
                    .setParameter("account", account).getResultStream().map(ProfileEntryView::of)
                    .filter(entry -> entry.display().toLowerCase(Locale.ROOT).contains(term.text())).toList());
        }
        String where = " where e.account = :account" + (term.isEmpty() ? "" : " and e.value like :pattern" + SearchTerm.ESCAPE);
        TypedQuery<ProfileEntry> items = em.createQuery("select e from ProfileEntry e" + where
                + " order by e.type, e.value", ProfileEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from ProfileEntry e" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[] {items, count}) {
            query.setParameter("account", account);
            if (!term.isEmpty()) {
                query.setParameter("pattern", term.contains());
            }
        }
        return Paging.of(page, size).page(items, count).map(ProfileEntryView::of);
    }

    /** Every domain and address of the account, by type and value: what an export holds. */
    public List<ProfileEntryView> allEntries(String accountNumber) {
        return em.createQuery("select e from ProfileEntry e where e.account = :account order by e.type, e.value",
                ProfileEntry.class).setParameter("account", access.account(accountNumber)).getResultStream()
                .map(ProfileEntryView::of).toList();
    }

    /**
     * Adds the values (blanks around them ignored) as one change, unverified: either all of them are added or, if
     * any is invalid, a duplicate, or verified by another account, none is and every problem is reported.
     *
     * <p>Security: a value verified by another account is reported to an account administrator without naming
     * that account; only service administrators learn which account holds it. Another account's unverified claim
     * is not mentioned at all: it neither blocks this claim nor tells that it exists.
     *
     * @throws RejectedValuesException listing each rejected value and why
     */
    public List<ProfileEntryView> addEntries(String accountNumber, ProfileEntryType type, List<String> values) {
        Caller caller = access.caller();
        Account account = access.account(accountNumber);
        List<ValueProblem> problems = new ArrayList<>();
        Map<String, String> normalisedToRaw = new LinkedHashMap<>();
        for (String raw : ProfileValues.of(VALUES_FIELD, values)) {
            String normalised;
            try {
                normalised = type.normalise(raw);
            } catch (IllegalArgumentException invalid) {
                problems.add(new ValueProblem(VALUES_FIELD, raw, "\"" + raw + "\" " + invalid.getMessage() + "."));
                continue;
            }
            String earlier = normalisedToRaw.putIfAbsent(normalised, raw);
            if (earlier != null) {
                problems.add(new ValueProblem(VALUES_FIELD, raw, "\"" + raw + "\" is listed more than once"
                        + (earlier.equals(raw) ? "." : " (as \"" + earlier + "\" too).")));
            }
        }
        if (!normalisedToRaw.isEmpty()) {
            for (ProfileEntry existing : em.createNamedQuery(ProfileEntry.OF_ACCOUNT_BY_VALUES, ProfileEntry.class)
                    .setParameter("account", account).setParameter("type", type)
                    .setParameter("values", List.copyOf(normalisedToRaw.keySet())).getResultList()) {
                String raw = normalisedToRaw.get(existing.getValue());
                problems.add(new ValueProblem(VALUES_FIELD, raw, "\"" + raw + "\" is already in this account."));
            }
            for (ProfileEntry existing : owners.verified(type, normalisedToRaw.keySet())) {
                if (!existing.getAccount().getId().equals(account.getId())) {
                    String raw = normalisedToRaw.get(existing.getValue());
                    problems.add(new ValueProblem(VALUES_FIELD, raw, claimedMessage(raw, existing, caller)));
                }
            }
        }
        problems.addAll(crossTypeClaims(type, normalisedToRaw, account, caller));
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        Instant now = Instant.now(clock);
        List<ProfileEntry> added = new ArrayList<>();
        for (String raw : normalisedToRaw.values()) {
            ProfileEntry entry = new ProfileEntry(account, type, raw, caller.getName(), now, verificationToken());
            em.persist(entry);
            added.add(entry);
        }
        // Flush inside the transaction so a concurrent claim of the same value fails this whole batch.
        em.flush();
        audit.record(AuditAction.PROFILE_ENTRIES_ADDED, account.getNumber(), "Added " + added.size() + " "
                + type.label().toLowerCase() + (added.size() == 1 ? " entry: " : " entries: ")
                + String.join(", ", normalisedToRaw.keySet()));
        return added.stream().map(ProfileEntryView::of).toList();
    }

    /**
     * Verifies the entry by its TXT record, looked up now at its domain (an address's domain for an address).
     * Verifying a verified entry changes nothing.
     *
     * @throws ConflictException on {@link #VERIFICATION_FIELD} when the record is not published (saying what was
     *                           found), DNS did not answer, or another account has verified the value first
     */
    public ProfileEntryView verifyByDns(String accountNumber, long entryId) {
        Caller caller = access.caller();
        ProfileEntry entry = entry(access.account(accountNumber), entryId);
        if (entry.isVerified()) {
            return ProfileEntryView.of(entry);
        }
        refuseIfVerifiedElsewhere(entry, caller);
        String expected = entry.txtRecord().orElseThrow();
        String domain = entry.verificationDomain();
        List<String> published;
        try {
            published = txtRecords.of(domain);
        } catch (DnsUnavailableException e) {
            throw new ConflictException(VERIFICATION_FIELD, e.getMessage() + " Nothing was changed; try again in a few"
                    + " minutes, and if it persists ask your service administrator to check the service's DNS resolvers.");
        }
        if (!published.contains(expected)) {
            long similar = published.stream().filter(record -> record.startsWith(ProfileEntry.TXT_PREFIX)).count();
            throw new ConflictException(VERIFICATION_FIELD, "The TXT record \"" + expected + "\" was not found at "
                    + domain + " (" + (published.isEmpty() ? "it has no TXT records"
                    : published.size() + " other TXT record" + (published.size() == 1 ? "" : "s")
                    + (similar > 0 ? ", " + similar + " of them for another entry or account" : ""))
                    + "). Publish it at your DNS provider and verify again; a new record can take up to an hour to"
                    + " be seen.");
        }
        entry.verify(DomainVerification.DNS, caller.getName(), clock.instant());
        audit.record(AuditAction.PROFILE_ENTRY_VERIFIED, entry.getAccount().getNumber(), "Verified "
                + describe(entry) + " by its DNS TXT record at " + domain);
        return ProfileEntryView.of(entry);
    }

    /**
     * A service administrator vouches for the entry without its DNS record (for a domain whose DNS its owner cannot
     * change, or an address in a public mail domain), audited as such.
     *
     * @throws ConflictException when another account has verified the value
     */
    public ProfileEntryView verifyByAdministrator(String accountNumber, long entryId) {
        Caller caller = access.requireServiceAdministrator("verify an entry without its DNS record");
        ProfileEntry entry = entry(access.account(accountNumber), entryId);
        if (entry.isVerified()) {
            return ProfileEntryView.of(entry);
        }
        refuseIfVerifiedElsewhere(entry, caller);
        entry.verify(DomainVerification.ADMINISTRATOR, caller.getName(), clock.instant());
        audit.record(AuditAction.PROFILE_ENTRY_VERIFIED, entry.getAccount().getNumber(), "Verified "
                + describe(entry) + " by hand, as service administrator, without a DNS record");
        return ProfileEntryView.of(entry);
    }

    public void removeEntry(String accountNumber, long entryId) {
        Account account = access.account(accountNumber);
        ProfileEntry entry = entry(account, entryId);
        em.remove(entry);
        audit.record(AuditAction.PROFILE_ENTRY_REMOVED, account.getNumber(),
                "Removed " + entry.getType().label().toLowerCase() + " " + entry.getValue());
    }

    private ProfileEntry entry(Account account, long entryId) {
        ProfileEntry entry = em.find(ProfileEntry.class, entryId);
        if (entry == null || !entry.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Profile entry " + entryId + " was not found in account "
                    + account.getNumber() + ".");
        }
        return entry;
    }

    /** The rules of adding, against what other accounts have verified since. */
    private void refuseIfVerifiedElsewhere(ProfileEntry entry, Caller caller) {
        String value = entry.getValue();
        for (ProfileEntry other : owners.verified(entry.getType(), List.of(value))) {
            if (!other.getAccount().getId().equals(entry.getAccount().getId())) {
                throw new ConflictException(VERIFICATION_FIELD, claimedMessage(value, other, caller));
            }
        }
        crossTypeClaims(entry.getType(), Map.of(value, value), entry.getAccount(), caller).stream().findFirst()
                .ifPresent(problem -> {
                    throw new ConflictException(VERIFICATION_FIELD, problem.message());
                });
    }

    private static String describe(ProfileEntry entry) {
        return entry.getType().label().toLowerCase() + " " + entry.getValue();
    }

    private static String verificationToken() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /**
     * An email address inside another account's domain would let this account capture that account's users at
     * email-first sign-in; so an address is refused in a domain another account has verified, and a domain is
     * refused while another account has verified addresses in it.
     */
    private List<ValueProblem> crossTypeClaims(ProfileEntryType type, Map<String, String> normalisedToRaw,
            Account account, Caller caller) {
        if (normalisedToRaw.isEmpty()) {
            return List.of();
        }
        List<ValueProblem> problems = new ArrayList<>();
        if (type == ProfileEntryType.EMAIL_ADDRESS) {
            Map<String, List<String>> addressesByDomain = new LinkedHashMap<>();
            normalisedToRaw.keySet().forEach(address ->
                    addressesByDomain.computeIfAbsent(domainOf(address), d -> new ArrayList<>()).add(address));
            for (ProfileEntry domain : owners.verified(ProfileEntryType.DOMAIN, addressesByDomain.keySet())) {
                if (!domain.getAccount().getId().equals(account.getId())) {
                    for (String address : addressesByDomain.get(domain.getValue())) {
                        String raw = normalisedToRaw.get(address);
                        problems.add(new ValueProblem(VALUES_FIELD, raw, "\"" + raw + "\" is in the domain "
                                + domain.getValue() + ", which " + holder(domain, caller) + "."));
                    }
                }
            }
        } else {
            for (ProfileEntry address : em.createNamedQuery(ProfileEntry.VERIFIED_OF_OTHER_ACCOUNTS, ProfileEntry.class)
                    .setParameter("type", ProfileEntryType.EMAIL_ADDRESS)
                    .setParameter("account", account)
                    .getResultList()) {
                String raw = normalisedToRaw.get(domainOf(address.getValue()));
                if (raw != null) {
                    problems.add(new ValueProblem(VALUES_FIELD, raw, "\"" + raw + "\" contains the email address "
                            + address.getValue() + ", which " + holder(address, caller) + "."));
                }
            }
        }
        return problems;
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static String holder(ProfileEntry entry, Caller caller) {
        return caller.isServiceAdministrator()
                ? "is verified by account " + entry.getAccount().getNumber() + " (" + entry.getAccount().getName() + ")"
                : "is verified by another account";
    }

    private static String claimedMessage(String raw, ProfileEntry existing, Caller caller) {
        if (caller.isServiceAdministrator()) {
            return "\"" + raw + "\" already " + holder(existing, caller) + ".";
        }
        return "\"" + raw + "\" " + holder(existing, caller) + ". Contact your service administrator if it"
                + " should belong to this one.";
    }
}
