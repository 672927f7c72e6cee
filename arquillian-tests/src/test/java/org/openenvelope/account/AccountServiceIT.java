package org.openenvelope.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.security.Caller;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;

/** Accounts → Manage Accounts: the rules of creating, renaming, suspending, finding and seeing accounts. */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs();
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    AccountService accounts;

    @Test
    void createdAccountsAreActiveWithWellFormedUniqueNumbers() {
        acting.actAs(Fixtures.serviceAdministrator());
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            AccountSummary created = accounts.createAccount(Fixtures.unique("Numbered"));
            assertTrue(AccountNumber.isWellFormed(created.number()), created.number());
            assertEquals(AccountStatus.ACTIVE, created.status());
            assertTrue(numbers.add(created.number()), "number handed out twice: " + created.number());
        }
    }

    @Test
    void nameIsStrippedAndTheNumberNeverChanges() {
        String name = Fixtures.unique("Contoso");
        AccountSummary created = callers.newAccountNamed("  " + name + "  ");
        assertEquals(name, created.name());

        AccountSummary renamed = accounts.renameAccount(created.number(), " Fabrikam " + name);
        AccountSummary suspended = accounts.suspendAccount(created.number());

        assertEquals("Fabrikam " + name, renamed.name());
        assertEquals(created.number(), renamed.number());
        assertEquals(created.number(), suspended.number());
        assertEquals(created.createdAt().getEpochSecond(),
                accounts.getAccount(created.number()).createdAt().getEpochSecond());
        assertEquals("Fabrikam " + name, accounts.getAccount(created.number()).name());
    }

    @Test
    void invalidNamesAreRefusedNamingTheFieldAndNothingIsSaved() {
        AccountSummary account = callers.newAccountNamed(Fixtures.unique("Valid"));
        long before = accounts.findAccounts(null, 0, 1).total();

        for (String invalid : List.of("", "   ", "x".repeat(Account.NAME_MAX_LENGTH + 1), "two\nlines", "tab\there")) {
            InvalidValueException onCreate = assertThrows(InvalidValueException.class,
                    () -> accounts.createAccount(invalid), invalid);
            assertEquals("name", onCreate.field());
            assertEquals("invalid_value", onCreate.code());
            assertTrue(onCreate.getMessage().startsWith("Account name"), onCreate.getMessage());

            InvalidValueException onRename = assertThrows(InvalidValueException.class,
                    () -> accounts.renameAccount(account.number(), invalid), invalid);
            assertEquals("name", onRename.field());
        }
        assertEquals("x".repeat(Account.NAME_MAX_LENGTH),
                accounts.renameAccount(account.number(), "x".repeat(Account.NAME_MAX_LENGTH)).name(),
                "the longest allowed name is accepted");
        assertEquals(before, accounts.findAccounts(null, 0, 1).total(), "no account was created");
    }

    @Test
    void suspendsAndReactivatesButNotTwice() {
        AccountSummary account = callers.newAccountNamed(Fixtures.unique("Suspendable"));

        assertEquals(AccountStatus.SUSPENDED, accounts.suspendAccount(account.number()).status());
        assertEquals(AccountStatus.SUSPENDED, accounts.getAccount(account.number()).status());
        ConflictException again = assertThrows(ConflictException.class, () -> accounts.suspendAccount(account.number()));
        assertEquals("status", again.field());
        assertTrue(again.getMessage().contains("already suspended"), again.getMessage());

        assertEquals(AccountStatus.ACTIVE, accounts.reactivateAccount(account.number()).status());
        assertEquals(AccountStatus.ACTIVE, accounts.getAccount(account.number()).status());
        ConflictException active = assertThrows(ConflictException.class,
                () -> accounts.reactivateAccount(account.number()));
        assertTrue(active.getMessage().contains("already active"), active.getMessage());
    }

    @Test
    void onlyServiceAdministratorsCreateSuspendAndReactivate() {
        AccountSummary account = callers.newAccountNamed(Fixtures.unique("Own"));
        for (Caller caller : List.of(callers.administratorOf(account.number()), callers.tokenOf(account.number()))) {
            acting.actAs(caller);
            assertThrows(AccessDeniedException.class, () -> accounts.createAccount(Fixtures.unique("Mine")));
            assertThrows(AccessDeniedException.class, () -> accounts.suspendAccount(account.number()));
        }
        acting.actAs(Fixtures.serviceAdministrator());
        accounts.suspendAccount(account.number());
        acting.actAs(callers.administratorOf(account.number()));
        assertThrows(AccessDeniedException.class, () -> accounts.reactivateAccount(account.number()));

        acting.actAs(Fixtures.serviceAdministrator());
        assertEquals(AccountStatus.SUSPENDED, accounts.getAccount(account.number()).status());
    }

    @Test
    void accountAdministratorRenamesOwnAccount() {
        AccountSummary account = callers.newAccountNamed(Fixtures.unique("Before"));
        acting.actAs(callers.administratorOf(account.number()));

        String name = Fixtures.unique("After");
        assertEquals(name, accounts.renameAccount(account.number(), name).name());
        assertEquals(name, accounts.getAccount(account.number()).name());
    }

    @Test
    void searchFindsNameContainingAnyCaseAndNumberPrefix() {
        String tag = Fixtures.unique("srch").toLowerCase();
        AccountSummary alpha = callers.newAccountNamed("Alpha " + tag.toUpperCase() + " Ltd");
        AccountSummary beta = callers.newAccountNamed("Beta " + tag);
        callers.newAccountNamed(Fixtures.unique("Unrelated"));

        Page<AccountSummary> byName = accounts.findAccounts("  " + tag + " ", 0, 20);
        assertEquals(List.of(alpha.number(), beta.number()), numbers(byName), "ordered by name");
        assertEquals(2, byName.total());

        Page<AccountSummary> byNumber = accounts.findAccounts(beta.number().substring(0, 6), 0, 100);
        assertTrue(byNumber.items().stream().anyMatch(a -> a.number().equals(beta.number())), byNumber.toString());
        assertTrue(byNumber.items().stream().allMatch(a -> a.number().startsWith(beta.number().substring(0, 6))
                || a.name().contains(beta.number().substring(0, 6))), byNumber.toString());
        assertEquals(1, accounts.findAccounts(beta.number(), 0, 20).total());
        assertEquals(0, accounts.findAccounts(beta.number().substring(2), 0, 20).items().stream()
                .filter(a -> a.number().equals(beta.number())).count(), "numbers match by prefix only");
    }

    @Test
    void searchTreatsWildcardCharactersLiterally() {
        String tag = Fixtures.unique("wild");
        AccountSummary percent = callers.newAccountNamed(tag + " 100% Co");
        callers.newAccountNamed(tag + " 1000 Co");
        callers.newAccountNamed(tag + " 1x0 Co");

        assertEquals(List.of(percent.number()), numbers(accounts.findAccounts(tag + " 100%", 0, 20)));
        assertEquals(0, accounts.findAccounts(tag + " 1_0", 0, 20).total());
    }

    @Test
    void pagesThroughResultsAndClampsPageAndSize() {
        String tag = Fixtures.unique("paged");
        List<String> numbers = IntStream.range(0, 25)
                .mapToObj(i -> callers.newAccountNamed(String.format("%s %02d", tag, i)).number()).toList();

        Page<AccountSummary> first = accounts.findAccounts(tag, 0, 10);
        Page<AccountSummary> third = accounts.findAccounts(tag, 2, 10);
        Page<AccountSummary> beyond = accounts.findAccounts(tag, 99, 10);

        assertEquals(25, first.total());
        assertEquals(3, first.pageCount());
        assertEquals(numbers.subList(0, 10), numbers(first));
        assertEquals(numbers.subList(20, 25), numbers(third));
        assertFalse(third.hasNext());
        assertEquals(2, beyond.number(), "a page past the end answers the last page");
        assertEquals(numbers(third), numbers(beyond));
        assertEquals(Paging.MAX_SIZE, accounts.findAccounts(null, 0, 10_000).size());
        assertEquals(Paging.DEFAULT_SIZE, accounts.findAccounts(tag, -1, 0).size());
        assertEquals(0, accounts.findAccounts(tag, -1, 0).number());
    }

    @Test
    void accountAdministratorSeesOnlyTheirOwnAccount() {
        String tag = Fixtures.unique("iso");
        AccountSummary mine = callers.newAccountNamed(tag + " Mine");
        AccountSummary theirs = callers.newAccountNamed(tag + " Theirs");

        for (Caller caller : List.of(callers.administratorOf(mine.number()), callers.tokenOf(mine.number()))) {
            acting.actAs(caller);
            Page<AccountSummary> all = accounts.findAccounts(null, 0, 100);
            assertEquals(1, all.total());
            assertEquals(List.of(mine.number()), numbers(all));
            assertEquals(0, accounts.findAccounts(theirs.number(), 0, 20).total());
            assertEquals(List.of(mine.number()), numbers(accounts.findAccounts(tag, 0, 20)));

            assertThrows(ResourceNotFoundException.class, () -> accounts.getAccount(theirs.number()));
            assertThrows(ResourceNotFoundException.class, () -> accounts.renameAccount(theirs.number(), "Taken over"));
            assertEquals(assertThrows(AccessDeniedException.class, () -> accounts.suspendAccount(mine.number()))
                            .getMessage(),
                    assertThrows(AccessDeniedException.class, () -> accounts.suspendAccount(theirs.number()))
                            .getMessage(),
                    "suspending is refused for the role, before and regardless of which account");
        }

        acting.actAs(Fixtures.serviceAdministrator());
        AccountSummary untouched = accounts.getAccount(theirs.number());
        assertEquals(theirs.name(), untouched.name(), "the other account is untouched");
        assertEquals(AccountStatus.ACTIVE, untouched.status());
        assertEquals(List.of(mine.number(), theirs.number()), numbers(accounts.findAccounts(tag, 0, 20)));
    }

    @Test
    void anotherAccountReadsExactlyLikeOneThatDoesNotExist() {
        AccountSummary mine = callers.newAccountNamed(Fixtures.unique("Mine"));
        AccountSummary theirs = callers.newAccountNamed(Fixtures.unique("Theirs"));
        String unused = Fixtures.unusedAccountNumber(number -> accounts.findAccounts(number, 0, 1).total() == 0);
        acting.actAs(callers.administratorOf(mine.number()));

        ResourceNotFoundException other = assertThrows(ResourceNotFoundException.class,
                () -> accounts.getAccount(theirs.number()));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> accounts.getAccount(unused));

        assertEquals("not_found", other.code());
        assertEquals(missing.getMessage().replace(unused, theirs.number()), other.getMessage());
        assertFalse(other.getMessage().contains(theirs.name()), other.getMessage());
        for (String malformed : new String[]{null, "", "abc", "1234567", mine.number() + "0", "' or 1=1 --"}) {
            assertThrows(ResourceNotFoundException.class, () -> accounts.getAccount(malformed), malformed);
        }
    }

    @Test
    void withoutACallerNothingIsAnswered() {
        acting.actAs(null);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> accounts.findAccounts(null, 0, 10));
        assertEquals("forbidden", denied.code());
    }

    private static List<String> numbers(Page<AccountSummary> page) {
        return page.items().stream().map(AccountSummary::number).toList();
    }
}
