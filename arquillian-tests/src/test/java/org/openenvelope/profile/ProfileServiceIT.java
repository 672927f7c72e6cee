package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;

/** The Profiles tab's rules, with the real transactions and database of the container. */
@ExtendWith(ArquillianExtension.class)
class ProfileServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs();
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    ProfileService profiles;

    @Inject
    AuditTrail audit;

    @Test
    void addsMixedCommaAndSemicolonListNormalised() {
        AccountSummary account = callers.newAccount("Profiles");
        acting.actAs(callers.administratorOf(account.number()));
        String a = Fixtures.uniqueDomain();
        String b = Fixtures.uniqueDomain();

        List<ProfileEntryView> added = profiles.addEntries(account.number(), ProfileEntryType.DOMAIN,
                List.of(" " + a.toUpperCase() + " ", b, "bücher-" + Fixtures.unique("x") + ".example."));

        assertEquals(3, added.size());
        assertEquals(a, added.get(0).value());
        assertTrue(added.get(2).value().startsWith("xn--bcher-"), added.get(2).value());
        assertTrue(added.get(2).display().startsWith("bücher-"), added.get(2).display());
        assertEquals(3, profiles.findEntries(account.number(), null, 0, 100).items().size());
    }

    @Test
    void entriesArePagedAndFoundByPartOfTheirValueInEitherSpellingOfAnInternationalName() {
        AccountSummary account = callers.newAccount("Many profiles");
        acting.actAs(callers.administratorOf(account.number()));
        List<String> domains = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            domains.add(String.format("branch%02d-", i) + Fixtures.uniqueDomain());
        }
        domains.add("bücher-" + Fixtures.unique("shop") + ".example");
        profiles.addEntries(account.number(), ProfileEntryType.DOMAIN, domains);

        var first = profiles.findEntries(account.number(), null, 0, 20);
        assertEquals(26, first.total());
        assertEquals(20, first.items().size());
        assertTrue(first.items().get(0).value().startsWith("branch00-"), "by value: " + first.items().get(0).value());
        assertEquals(6, profiles.findEntries(account.number(), null, 1, 20).items().size());
        assertEquals(1, profiles.findEntries(account.number(), null, 9, 20).number(), "a page past the end is the last");

        assertEquals(1, profiles.findEntries(account.number(), "BRANCH07", 0, 20).total(), "any case");
        assertEquals(10, profiles.findEntries(account.number(), "branch1", 0, 20).total());
        assertEquals(1, profiles.findEntries(account.number(), "bücher", 0, 20).total(), "the Unicode spelling");
        assertEquals(1, profiles.findEntries(account.number(), "xn--bcher", 0, 20).total(), "the punycode spelling");
        assertEquals(0, profiles.findEntries(account.number(), "branch_", 0, 20).total(), "_ is no wildcard");
    }

    @Test
    void oneInvalidValueRejectsTheWholeListAndSavesNothing() {
        AccountSummary account = callers.newAccount("Profiles");
        acting.actAs(callers.administratorOf(account.number()));
        long auditBefore = audit.accountEvents(account.number(), 0, 100).total();

        RejectedValuesException rejected = assertThrows(RejectedValuesException.class, () ->
                profiles.addEntries(account.number(), ProfileEntryType.DOMAIN,
                        List.of(Fixtures.uniqueDomain(), " bad..domain", " " + Fixtures.uniqueDomain())));

        assertEquals(1, rejected.problems().size());
        ValueProblem problem = rejected.problems().get(0);
        assertEquals("bad..domain", problem.value());
        assertEquals("values", problem.field());
        assertTrue(problem.message().contains("empty label"), problem.message());
        assertTrue(profiles.findEntries(account.number(), null, 0, 100).items().isEmpty(), "nothing may be saved");
        assertEquals(auditBefore, audit.accountEvents(account.number(), 0, 100).total(), "no audit entry for a rejected change");
    }

    @Test
    void reportsDuplicatesWithinTheListAndAlreadyPresentValues() {
        AccountSummary account = callers.newAccount("Profiles");
        acting.actAs(callers.administratorOf(account.number()));
        String existing = Fixtures.uniqueDomain();
        profiles.addEntries(account.number(), ProfileEntryType.DOMAIN, List.of(existing));
        String twice = Fixtures.uniqueDomain();

        RejectedValuesException rejected = assertThrows(RejectedValuesException.class, () ->
                profiles.addEntries(account.number(), ProfileEntryType.DOMAIN,
                        List.of(twice, twice.toUpperCase(), existing)));

        List<String> messages = rejected.problems().stream().map(ValueProblem::message).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("more than once"), messages.toString());
        assertTrue(messages.get(1).contains("already in this account"), messages.toString());
        assertEquals(1, profiles.findEntries(account.number(), null, 0, 100).items().size());
    }

    @Test
    void anUnverifiedClaimBlocksNoOneButAVerifiedDomainIsRefusedWithoutNamingItsAccount() {
        AccountSummary owner = callers.newAccount("Profiles");
        AccountSummary other = callers.newAccount("Profiles");
        String domain = Fixtures.uniqueDomain();
        acting.actAs(callers.administratorOf(owner.number()));
        ProfileEntryView claim = profiles.addEntries(owner.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0);
        assertEquals(DomainVerification.UNVERIFIED, claim.verification(), "a new entry is only a claim");

        acting.actAs(callers.administratorOf(other.number()));
        ProfileEntryView rival = profiles.addEntries(other.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0);
        assertFalse(rival.verified(), "an unverified claim elsewhere neither blocks nor is mentioned");
        assertNotEquals(claim.txtValue(), rival.txtValue(), "each account proves its claim with its own record");
        profiles.removeEntry(other.number(), rival.id());

        verifyByHand(owner, claim);
        acting.actAs(callers.administratorOf(other.number()));
        String asAccountAdmin = assertThrows(RejectedValuesException.class, () ->
                profiles.addEntries(other.number(), ProfileEntryType.DOMAIN, List.of(domain))).problems().get(0).message();
        assertTrue(asAccountAdmin.contains("verified by another account"), asAccountAdmin);
        assertFalse(asAccountAdmin.contains(owner.number()), asAccountAdmin);
        assertFalse(asAccountAdmin.contains(owner.name()), asAccountAdmin);

        acting.actAs(Fixtures.serviceAdministrator());
        String asServiceAdmin = assertThrows(RejectedValuesException.class, () ->
                profiles.addEntries(other.number(), ProfileEntryType.DOMAIN, List.of(domain))).problems().get(0).message();
        assertTrue(asServiceAdmin.contains(owner.number()), asServiceAdmin);
    }

    @Test
    void theFirstAccountToVerifyOwnsTheDomainAndTheOtherClaimCannotBeVerified() {
        AccountSummary first = callers.newAccount("Profiles");
        AccountSummary second = callers.newAccount("Profiles");
        String domain = Fixtures.uniqueDomain();
        acting.actAs(callers.administratorOf(first.number()));
        ProfileEntryView firstClaim = profiles.addEntries(first.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0);
        acting.actAs(callers.administratorOf(second.number()));
        ProfileEntryView secondClaim = profiles.addEntries(second.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0);

        verifyByHand(first, firstClaim);
        acting.actAs(Fixtures.serviceAdministrator());
        ConflictException refused = assertThrows(ConflictException.class,
                () -> profiles.verifyByAdministrator(second.number(), secondClaim.id()));
        assertEquals(ProfileService.VERIFICATION_FIELD, refused.field());
        assertTrue(refused.getMessage().contains("verified by account " + first.number()), refused.getMessage());
        assertFalse(profiles.findEntries(second.number(), null, 0, 100).items().get(0).verified());
    }

    @Test
    void onlyAServiceAdministratorVerifiesByHandAndItIsAudited() {
        AccountSummary account = callers.newAccount("Profiles");
        acting.actAs(callers.administratorOf(account.number()));
        ProfileEntryView claim = profiles.addEntries(account.number(), ProfileEntryType.DOMAIN,
                List.of(Fixtures.uniqueDomain())).get(0);
        assertThrows(AccessDeniedException.class, () -> profiles.verifyByAdministrator(account.number(), claim.id()));
        assertFalse(profiles.findEntries(account.number(), null, 0, 100).items().get(0).verified());

        ProfileEntryView verified = verifyByHand(account, claim);
        assertEquals(DomainVerification.ADMINISTRATOR, verified.verification());
        assertEquals(Fixtures.serviceAdministrator().getName(), verified.verifiedBy());
        acting.actAs(Fixtures.serviceAdministrator());
        assertTrue(audit.accountEvents(account.number(), 0, 100).items().stream().anyMatch(event ->
                event.action().equals("profile.entry-verified") && event.detail().contains(claim.value())
                        && event.detail().contains("by hand")));
    }

    private ProfileEntryView verifyByHand(AccountSummary account, ProfileEntryView entry) {
        acting.actAs(Fixtures.serviceAdministrator());
        return profiles.verifyByAdministrator(account.number(), entry.id());
    }

    @Test
    void emailAddressesCannotReachIntoAnotherAccountsVerifiedDomainNorTheReverse() {
        AccountSummary owner = callers.newAccount("Profiles");
        AccountSummary other = callers.newAccount("Profiles");
        String ownersDomain = Fixtures.uniqueDomain();
        String othersDomain = Fixtures.uniqueDomain();
        acting.actAs(callers.administratorOf(owner.number()));
        ProfileEntryView domain = profiles.addEntries(owner.number(), ProfileEntryType.DOMAIN, List.of(ownersDomain)).get(0);
        ProfileEntryView partner = profiles.addEntries(owner.number(), ProfileEntryType.EMAIL_ADDRESS,
                List.of("partner@" + othersDomain)).get(0);
        assertEquals(2, profiles.findEntries(owner.number(), null, 0, 100).items().size(), "an address in the account's own domain is fine");
        verifyByHand(owner, domain);
        verifyByHand(owner, partner);

        acting.actAs(callers.administratorOf(other.number()));
        List<ValueProblem> addressProblems = assertThrows(RejectedValuesException.class, () ->
                profiles.addEntries(other.number(), ProfileEntryType.EMAIL_ADDRESS,
                        List.of("ceo@" + ownersDomain, " someone@" + Fixtures.uniqueDomain()))).problems();
        assertEquals(1, addressProblems.size(), addressProblems.toString());
        assertEquals("ceo@" + ownersDomain, addressProblems.get(0).value());
        assertTrue(addressProblems.get(0).message().contains("verified by another account"),
                addressProblems.get(0).message());
        assertFalse(addressProblems.get(0).message().contains(owner.number()), addressProblems.get(0).message());

        List<ValueProblem> domainProblems = assertThrows(RejectedValuesException.class, () ->
                profiles.addEntries(other.number(), ProfileEntryType.DOMAIN, List.of(othersDomain))).problems();
        assertEquals(1, domainProblems.size(), domainProblems.toString());
        assertTrue(domainProblems.get(0).message().contains("partner@" + othersDomain),
                domainProblems.get(0).message());
        assertTrue(profiles.findEntries(other.number(), null, 0, 100).items().isEmpty(), "nothing may be saved");
    }

    @Test
    void accountAdministratorCannotReadOrChangeAnotherAccountsProfiles() {
        AccountSummary mine = callers.newAccount("Profiles");
        AccountSummary theirs = callers.newAccount("Profiles");
        acting.actAs(Fixtures.serviceAdministrator());
        ProfileEntryView theirEntry = profiles.addEntries(theirs.number(), ProfileEntryType.DOMAIN,
                List.of(Fixtures.uniqueDomain())).get(0);

        acting.actAs(callers.administratorOf(mine.number()));
        assertThrows(ResourceNotFoundException.class, () -> profiles.findEntries(theirs.number(), null, 0, 100).items());
        assertThrows(ResourceNotFoundException.class, () ->
                profiles.addEntries(theirs.number(), ProfileEntryType.DOMAIN, List.of(Fixtures.uniqueDomain())));
        assertThrows(ResourceNotFoundException.class, () -> profiles.removeEntry(theirs.number(), theirEntry.id()));
        // Also through their own account number: the entry id belongs to another account.
        assertThrows(ResourceNotFoundException.class, () -> profiles.removeEntry(mine.number(), theirEntry.id()));

        acting.actAs(Fixtures.serviceAdministrator());
        assertEquals(1, profiles.findEntries(theirs.number(), null, 0, 100).items().size());
    }

    @Test
    void removesAnEntryAndAuditsIt() {
        AccountSummary account = callers.newAccount("Profiles");
        acting.actAs(callers.administratorOf(account.number()));
        String domain = Fixtures.uniqueDomain();
        ProfileEntryView entry = profiles.addEntries(account.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0);

        profiles.removeEntry(account.number(), entry.id());

        assertTrue(profiles.findEntries(account.number(), null, 0, 100).items().isEmpty());
        var latest = audit.accountEvents(account.number(), 0, 1).items().get(0);
        assertEquals("profile.entry-removed", latest.action());
        assertTrue(latest.detail().contains(domain), latest.detail());
        assertEquals(callers.administratorOf(account.number()).getName(), latest.actor());
    }
}
