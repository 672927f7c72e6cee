package org.openenvelope.profile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.security.Caller;

/** The Profiles tab: the domains and email addresses that belong to an account. */
@Stateless
public class ProfileService {

    public static final String VALUES_FIELD = "values";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    ProfileOwners owners;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<ProfileEntryView> listEntries(String accountNumber) {
        Account account = access.account(accountNumber);
        return em.createNamedQuery(ProfileEntry.BY_ACCOUNT, ProfileEntry.class)
                .setParameter("account", account)
                .getResultStream().map(ProfileEntryView::of).toList();
    }

    /**
     * Adds the values (blanks around them ignored) as one change: either all of them are added or, if
     * any is invalid, a duplicate, or already claimed, none is and every problem is reported.
     *
     * <p>Security: a value claimed by another account is reported to an account administrator without naming
     * that account; only service administrators learn which account holds it.
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
            for (ProfileEntry existing : owners.entries(type, normalisedToRaw.keySet())) {
                String raw = normalisedToRaw.get(existing.getValue());
                problems.add(new ValueProblem(VALUES_FIELD, raw, claimedMessage(raw, existing, account, caller)));
            }
        }
        problems.addAll(crossTypeClaims(type, normalisedToRaw, account, caller));
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        Instant now = Instant.now(clock);
        List<ProfileEntry> added = new ArrayList<>();
        for (String raw : normalisedToRaw.values()) {
            ProfileEntry entry = new ProfileEntry(account, type, raw, caller.getName(), now);
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

    public void removeEntry(String accountNumber, long entryId) {
        Account account = access.account(accountNumber);
        ProfileEntry entry = em.find(ProfileEntry.class, entryId);
        if (entry == null || !entry.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Profile entry " + entryId + " was not found in account "
                    + account.getNumber() + ".");
        }
        em.remove(entry);
        audit.record(AuditAction.PROFILE_ENTRY_REMOVED, account.getNumber(),
                "Removed " + entry.getType().label().toLowerCase() + " " + entry.getValue());
    }

    /**
     * An email address inside another account's domain would let this account capture that account's users at
     * email-first sign-in; so an address is refused in a domain another account holds, and a domain is refused
     * while another account holds addresses in it.
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
            for (ProfileEntry domain : owners.entries(ProfileEntryType.DOMAIN, addressesByDomain.keySet())) {
                if (!domain.getAccount().getId().equals(account.getId())) {
                    for (String address : addressesByDomain.get(domain.getValue())) {
                        String raw = normalisedToRaw.get(address);
                        problems.add(new ValueProblem(VALUES_FIELD, raw, "\"" + raw + "\" is in the domain "
                                + domain.getValue() + ", which " + holder(domain, caller) + "."));
                    }
                }
            }
        } else {
            for (ProfileEntry address : em.createNamedQuery(ProfileEntry.OF_OTHER_ACCOUNTS, ProfileEntry.class)
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
                ? "belongs to account " + entry.getAccount().getNumber() + " (" + entry.getAccount().getName() + ")"
                : "is registered to another account";
    }

    private static String claimedMessage(String raw, ProfileEntry existing, Account target, Caller caller) {
        if (existing.getAccount().getId().equals(target.getId())) {
            return "\"" + raw + "\" is already in this account.";
        }
        if (caller.isServiceAdministrator()) {
            return "\"" + raw + "\" already " + holder(existing, caller) + ".";
        }
        return "\"" + raw + "\" " + holder(existing, caller) + ". Contact your service administrator if it"
                + " should belong to this one.";
    }
}
