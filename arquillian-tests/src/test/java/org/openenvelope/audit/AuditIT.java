package org.openenvelope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.AccountService;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.administrator.AddedAdministrator;
import org.openenvelope.administrator.AdministratorService;
import org.openenvelope.administrator.SignInOutcome;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.persistence.Page;
import org.openenvelope.profile.ProfileEntryType;
import org.openenvelope.profile.ProfileEntryView;
import org.openenvelope.profile.ProfileService;
import org.openenvelope.security.Caller;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.token.ApiTokenService;
import org.openenvelope.token.IssuedToken;

/**
 * The audit trail: every administrative change is recorded with who made it, when, on which account, what
 * changed and from which address; an account administrator reads only their account's trail.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    /** A documentation address (RFC 5737), as the web tier would record it for the request. */
    private static final String ORIGIN = "203.0.113.9";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs();
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    RequestOrigin origin;

    @Inject
    AccountService accounts;

    @Inject
    ProfileService profiles;

    @Inject
    AdministratorService administrators;

    @Inject
    ApiTokenService tokens;

    @Inject
    AuditTrail audit;

    @BeforeEach
    void requestFrom() {
        origin.address(ORIGIN);
    }

    private List<AuditEntry> trail(AccountSummary account) {
        return audit.accountEvents(account.number(), 0, 100).items();
    }

    @Test
    void everyAdministrativeChangeIsRecordedWithActorAccountActionDetailAndOrigin() {
        Instant before = Instant.now();
        Caller service = Fixtures.serviceAdministrator();
        acting.actAs(service);
        String name = Fixtures.unique("Audited");
        AccountSummary account = accounts.createAccount(name);
        accounts.renameAccount(account.number(), name + " Renamed");
        accounts.suspendAccount(account.number());
        accounts.reactivateAccount(account.number());

        Caller accountAdministrator = callers.administratorOf(account.number());
        acting.actAs(accountAdministrator);
        String domain = Fixtures.uniqueDomain();
        ProfileEntryView entry = profiles.addEntries(account.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0);
        profiles.removeEntry(account.number(), entry.id());
        String email = Fixtures.unique("jane") + "@" + domain;
        AddedAdministrator first = administrators.addAdministrator(account.number(), email, null);
        AddedAdministrator second = administrators.addAdministrator(account.number(), "2" + email, null);
        administrators.removeAdministrator(account.number(), second.administrator().id());
        IssuedToken token = tokens.createToken(account.number(), "Sync");
        tokens.revokeToken(account.number(), token.token().id());
        Caller self = ((SignInOutcome.SignedIn) administrators.signIn(email,
                first.initialPassword().toCharArray(), false)).caller();
        acting.actAs(self);
        administrators.changeOwnPassword(first.initialPassword().toCharArray(), "a long new passphrase".toCharArray());
        Instant after = Instant.now();

        acting.actAs(service);
        List<AuditEntry> trail = new ArrayList<>(trail(account));
        Collections.reverse(trail);
        String prefix = token.token().prefix();
        assertEquals(List.of(
                expected(service, account, "account.created", "Created account \"" + name + "\""),
                expected(service, account, "account.renamed",
                        "Renamed from \"" + name + "\" to \"" + name + " Renamed\""),
                expected(service, account, "account.suspended", "Suspended account \"" + name + " Renamed\""),
                expected(service, account, "account.reactivated", "Reactivated account \"" + name + " Renamed\""),
                expected(accountAdministrator, account, "profile.entries-added", "Added 1 domain entry: " + domain),
                expected(accountAdministrator, account, "profile.entry-removed", "Removed domain " + domain),
                expected(accountAdministrator, account, "administrator.added", "Added administrator " + email),
                expected(accountAdministrator, account, "administrator.added", "Added administrator 2" + email),
                expected(accountAdministrator, account, "administrator.removed", "Removed administrator 2" + email),
                expected(accountAdministrator, account, "token.created", "Created API token \"Sync\" (" + prefix + "…)"),
                expected(accountAdministrator, account, "token.revoked", "Revoked API token \"Sync\" (" + prefix + "…)"),
                expected(self, account, "sign-in.succeeded", "Signed in"),
                expected(self, account, "administrator.password-changed", "Changed own password")),
                trail.stream().map(AuditIT::recorded).toList());
        assertTrue(trail.stream().allMatch(e -> !e.occurredAt().isBefore(before.minusMillis(1))
                && !e.occurredAt().isAfter(after.plusMillis(1))), trail.toString());
    }

    @Test
    void refusedChangesLeaveNoTrace() {
        AccountSummary account = callers.newAccount("Audited");
        accounts.renameAccount(account.number(), account.name());
        int recorded = trail(account).size();

        assertThrows(InvalidValueException.class, () -> accounts.renameAccount(account.number(), " "));
        assertThrows(ConflictException.class, () -> accounts.reactivateAccount(account.number()));
        assertThrows(RejectedValuesException.class,
                () -> profiles.addEntries(account.number(), ProfileEntryType.DOMAIN, List.of(Fixtures.uniqueDomain(), "bad..x")));
        assertThrows(InvalidValueException.class,
                () -> administrators.addAdministrator(account.number(), "not-an-address", null));

        assertEquals(1, recorded, "renaming to the same name changes nothing and records nothing");
        assertEquals(recorded, trail(account).size());
    }

    @Test
    void accountAdministratorReadsOnlyTheirAccountsTrail() {
        AccountSummary mine = callers.newAccount("Audited");
        AccountSummary theirs = callers.newAccount("Audited");
        accounts.renameAccount(theirs.number(), theirs.name() + " Secret");

        for (Caller caller : List.of(callers.administratorOf(mine.number()), callers.tokenOf(mine.number()))) {
            acting.actAs(caller);
            List<AuditEntry> own = trail(mine);
            assertFalse(own.isEmpty());
            assertTrue(own.stream().allMatch(e -> mine.number().equals(e.accountNumber())), own.toString());
            assertThrows(ResourceNotFoundException.class, () -> audit.accountEvents(theirs.number(), 0, 20));
            assertThrows(AccessDeniedException.class, () -> audit.serviceEvents(0, 20));
        }
    }

    @Test
    void serviceTrailHoldsEveryAccountAndSignInsNewestFirst() {
        AccountSummary first = callers.newAccount("Audited");
        AccountSummary second = callers.newAccount("Audited");
        String unknown = Fixtures.unique("nobody") + "@example.com";
        administrators.signIn(unknown, "whatever-password".toCharArray(), false);

        acting.actAs(Fixtures.serviceAdministrator());
        Page<AuditEntry> page = audit.serviceEvents(0, 3);
        assertEquals(3, page.items().size());
        assertTrue(page.total() >= 4, "the initial administrator's creation is there too: " + page.total());
        AuditEntry signIn = page.items().get(0);
        assertEquals("sign-in.failed", signIn.action());
        assertEquals(unknown, signIn.actor());
        assertNull(signIn.accountNumber(), "an unknown address belongs to no account");
        assertEquals(ORIGIN, signIn.sourceAddress());
        assertEquals(List.of(second.number(), first.number()),
                page.items().subList(1, 3).stream().map(AuditEntry::accountNumber).toList());
        assertTrue(page.items().get(0).id() > page.items().get(1).id());

        Page<AuditEntry> last = audit.serviceEvents(Integer.MAX_VALUE / 3, 3);
        assertEquals("service-administrator.created", last.items().get(last.items().size() - 1).action());
        assertEquals("system", last.items().get(last.items().size() - 1).actor());
        assertTrue(audit.accountEvents(first.number(), 0, 100).items().stream()
                .noneMatch(e -> e.action().startsWith("sign-in")), "nobody signed in to this account");
    }

    private static String expected(Caller actor, AccountSummary account, String action, String detail) {
        return actor.getName() + " | " + account.number() + " | " + action + " | " + detail + " | " + ORIGIN;
    }

    private static String recorded(AuditEntry entry) {
        return entry.actor() + " | " + entry.accountNumber() + " | " + entry.action() + " | " + entry.detail()
                + " | " + entry.sourceAddress();
    }
}
