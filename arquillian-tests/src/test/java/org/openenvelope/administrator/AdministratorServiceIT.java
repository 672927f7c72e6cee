package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.AccountService;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.security.AdministratorRole;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CallerKind;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.MovableClock;
import org.openenvelope.testing.StoredRows;

/** The Groups tab and password sign-in: adding and removing administrators, lockout, suspension, passwords. */
@ExtendWith(ArquillianExtension.class)
class AdministratorServiceIT {

    private static final String NEW_PASSWORD = "correct horse battery staple";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs().addClasses(MovableClock.class, StoredRows.class);
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    AccountService accounts;

    @Inject
    AdministratorService administrators;

    @Inject
    AuditTrail audit;

    @Inject
    MovableClock clock;

    @Inject
    StoredRows stored;

    /** The initial service administrator's sign-in, as the deployment created it. */
    private String serviceAdministratorEmail() {
        return (String) stored.rows("select email from administrator where role = 'SERVICE'").get(0)[0];
    }

    private static String uniqueEmail() {
        return Fixtures.unique("admin") + "@" + Fixtures.uniqueDomain();
    }

    private AddedAdministrator add(AccountSummary account, String email) {
        acting.actAs(Fixtures.serviceAdministrator());
        return administrators.addAdministrator(account.number(), email, null);
    }

    @Test
    void addsAnAdministratorByEmailWithAOneTimePasswordStoredOnlyAsAHash() {
        AccountSummary account = callers.newAccount("Groups");
        String email = uniqueEmail();
        acting.actAs(callers.administratorOf(account.number()));

        AddedAdministrator added = administrators.addAdministrator(account.number(), "  " + email.toUpperCase() + " ",
                " Jane Doe ");

        AdministratorView view = added.administrator();
        assertEquals(email, view.email(), "stored lower-cased and stripped");
        assertEquals("Jane Doe", view.displayName());
        assertEquals(AdministratorRole.ACCOUNT, view.role());
        assertTrue(view.mustChangePassword());
        assertNull(view.lastSignInAt());
        assertEquals(20, added.initialPassword().length());
        assertFalse(added.toString().contains(added.initialPassword()), added.toString());
        assertEquals(List.of(email), administrators.listAdministrators(account.number()).stream()
                .map(AdministratorView::email).toList());

        Administrator row = stored.find(Administrator.class, view.id()).orElseThrow();
        assertFalse(row.getPasswordHash().contains(added.initialPassword()), "only a hash is stored");
        assertTrue(row.getPasswordHash().startsWith("PBKDF2WithHmacSHA512:210000:"), row.getPasswordHash());

        SignInOutcome.SignedIn signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                administrators.signIn(email, added.initialPassword().toCharArray(), false));
        assertTrue(signedIn.mustChangePassword(), "a one-time password must be replaced");
        Caller caller = signedIn.caller();
        assertEquals(CallerKind.ADMINISTRATOR, caller.kind());
        assertEquals(AdministratorRole.ACCOUNT, caller.role());
        assertEquals(account.number(), caller.accountNumber());
        assertEquals(view.id(), caller.subjectId());

        AuditEntry addition = audit.accountEvents(account.number(), 0, 20).items().stream()
                .filter(e -> e.action().equals("administrator.added")).findFirst().orElseThrow();
        assertEquals("Added administrator " + email, addition.detail());
        assertEquals(callers.administratorOf(account.number()).getName(), addition.actor());
    }

    @Test
    void anEmailAddressAdministersOneAccountOnly() {
        AccountSummary first = callers.newAccount("Groups");
        AccountSummary second = callers.newAccount("Groups");
        String email = uniqueEmail();
        add(first, email);

        for (AccountSummary target : List.of(first, second)) {
            ConflictException duplicate = assertThrows(ConflictException.class,
                    () -> administrators.addAdministrator(target.number(), email.toUpperCase(), null));
            assertEquals("email", duplicate.field());
            assertEquals("conflict", duplicate.code());
            assertTrue(duplicate.getMessage().startsWith(email + " already has an administrator sign-in"),
                    duplicate.getMessage());
            assertFalse(duplicate.getMessage().contains(first.number()), "the other account is not named");
        }
        ConflictException service = assertThrows(ConflictException.class,
                () -> administrators.addAdministrator(second.number(), serviceAdministratorEmail(), null));
        assertEquals("email", service.field());
        assertTrue(administrators.listAdministrators(second.number()).isEmpty());
    }

    @Test
    void invalidEmailOrNameIsRefusedNamingTheField() {
        AccountSummary account = callers.newAccount("Groups");
        for (String email : new String[]{null, "", "no-at-sign", "@example.com", "a b@example.com", "x@localhost"}) {
            InvalidValueException invalid = assertThrows(InvalidValueException.class,
                    () -> administrators.addAdministrator(account.number(), email, null), email);
            assertEquals(AdministratorService.EMAIL_FIELD, invalid.field());
            assertTrue(invalid.getMessage().startsWith("Email address"), invalid.getMessage());
        }
        for (String name : new String[]{"x".repeat(Administrator.DISPLAY_NAME_MAX_LENGTH + 1), "two\nlines"}) {
            InvalidValueException invalid = assertThrows(InvalidValueException.class,
                    () -> administrators.addAdministrator(account.number(), uniqueEmail(), name));
            assertEquals(AdministratorService.DISPLAY_NAME_FIELD, invalid.field());
        }
        assertTrue(administrators.listAdministrators(account.number()).isEmpty(), "nothing was added");
    }

    @Test
    void removesAnAdministratorWhoThenCannotSignIn() {
        AccountSummary account = callers.newAccount("Groups");
        AddedAdministrator stays = add(account, uniqueEmail());
        AddedAdministrator goes = add(account, uniqueEmail());
        acting.actAs(callers.administratorOf(account.number()));

        administrators.removeAdministrator(account.number(), goes.administrator().id());

        assertEquals(List.of(stays.administrator().id()), administrators.listAdministrators(account.number())
                .stream().map(AdministratorView::id).toList());
        assertInstanceOf(SignInOutcome.Refused.class,
                administrators.signIn(goes.administrator().email(), goes.initialPassword().toCharArray(), false));
        assertTrue(administrators.activeCaller(goes.administrator().id()).isEmpty(), "an open session ends");
        AuditEntry removal = audit.accountEvents(account.number(), 0, 10).items().stream()
                .filter(e -> e.action().equals("administrator.removed")).findFirst().orElseThrow();
        assertEquals("Removed administrator " + goes.administrator().email(), removal.detail());
    }

    @Test
    void theLastAdministratorCannotBeRemoved() {
        AccountSummary account = callers.newAccount("Groups");
        AddedAdministrator only = add(account, uniqueEmail());
        acting.actAs(callers.administratorOf(account.number()));

        ConflictException last = assertThrows(ConflictException.class,
                () -> administrators.removeAdministrator(account.number(), only.administrator().id()));

        assertEquals("administrator", last.field());
        assertTrue(last.getMessage().contains("last administrator"), last.getMessage());
        assertEquals(1, administrators.listAdministrators(account.number()).size());
        assertTrue(administrators.activeCaller(only.administrator().id()).isPresent());
    }

    @Test
    void accountAdministratorCannotSeeOrChangeAnotherAccountsAdministrators() {
        AccountSummary mine = callers.newAccount("Groups");
        AccountSummary theirs = callers.newAccount("Groups");
        add(mine, uniqueEmail());
        AddedAdministrator theirFirst = add(theirs, uniqueEmail());
        add(theirs, uniqueEmail());
        long serviceAdministratorId = stored.findBy(Administrator.BY_EMAIL, Administrator.class, "email",
                serviceAdministratorEmail()).orElseThrow().getId();

        acting.actAs(callers.administratorOf(mine.number()));
        assertThrows(ResourceNotFoundException.class, () -> administrators.listAdministrators(theirs.number()));
        assertThrows(ResourceNotFoundException.class,
                () -> administrators.addAdministrator(theirs.number(), uniqueEmail(), null));
        assertThrows(ResourceNotFoundException.class,
                () -> administrators.removeAdministrator(theirs.number(), theirFirst.administrator().id()));
        ResourceNotFoundException viaOwnNumber = assertThrows(ResourceNotFoundException.class,
                () -> administrators.removeAdministrator(mine.number(), theirFirst.administrator().id()));
        assertFalse(viaOwnNumber.getMessage().contains(theirs.number()), viaOwnNumber.getMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> administrators.removeAdministrator(mine.number(), serviceAdministratorId));

        acting.actAs(Fixtures.serviceAdministrator());
        assertEquals(2, administrators.listAdministrators(theirs.number()).size());
        assertTrue(stored.find(Administrator.class, serviceAdministratorId).isPresent());
    }

    @Test
    void unknownEmailAndWrongPasswordAreRefusedAlike() {
        AccountSummary account = callers.newAccount("Groups");
        AddedAdministrator added = add(account, uniqueEmail());

        assertInstanceOf(SignInOutcome.Refused.class,
                administrators.signIn(uniqueEmail(), added.initialPassword().toCharArray(), false));
        assertInstanceOf(SignInOutcome.Refused.class,
                administrators.signIn("not an address", added.initialPassword().toCharArray(), false));
        assertInstanceOf(SignInOutcome.Refused.class,
                administrators.signIn(added.administrator().email(), "wrong-password".toCharArray(), false));
        assertInstanceOf(SignInOutcome.SignedIn.class,
                administrators.signIn(added.administrator().email().toUpperCase(), added.initialPassword().toCharArray(), false));
    }

    @Test
    void repeatedFailuresLockSignInWithGrowingBackoff() {
        AccountSummary account = callers.newAccount("Groups");
        AddedAdministrator added = add(account, uniqueEmail());
        String email = added.administrator().email();
        char[] right = added.initialPassword().toCharArray();

        for (int failure = 1; failure < SignInBackoff.FREE_ATTEMPTS; failure++) {
            assertInstanceOf(SignInOutcome.Refused.class, administrators.signIn(email, "wrong".toCharArray(), false));
        }
        SignInOutcome.Locked locked = assertInstanceOf(SignInOutcome.Locked.class,
                administrators.signIn(email, "wrong".toCharArray(), false));
        assertEquals(60, Duration.between(clock.now(), locked.until()).toSeconds(), 2);
        assertInstanceOf(SignInOutcome.Locked.class, administrators.signIn(email, right, false),
                "while locked even the right password is refused");
        assertNull(stored.find(Administrator.class, added.administrator().id()).orElseThrow().getLastSignInAt());

        clock.advance(Duration.ofSeconds(61));
        SignInOutcome.Locked longer = assertInstanceOf(SignInOutcome.Locked.class,
                administrators.signIn(email, "wrong".toCharArray(), false), "the next failure locks again at once");
        assertEquals(120, Duration.between(clock.now(), longer.until()).toSeconds(), 2);

        clock.advance(Duration.ofSeconds(121));
        assertInstanceOf(SignInOutcome.SignedIn.class, administrators.signIn(email, right, false));
        Administrator row = stored.find(Administrator.class, added.administrator().id()).orElseThrow();
        assertEquals(0, row.getFailedSignIns(), "a successful sign-in resets the count");
        assertNull(row.getLockedUntil());
        assertInstanceOf(SignInOutcome.Refused.class, administrators.signIn(email, "wrong".toCharArray(), false),
                "after a reset the free attempts are back");

        acting.actAs(Fixtures.serviceAdministrator());
        List<String> actions = audit.accountEvents(account.number(), 0, 20).items().stream()
                .filter(e -> e.actor().equals(email)).map(AuditEntry::action).toList();
        // newest first: the attempt made while locked (with the right password) is recorded too
        assertEquals(List.of("sign-in.failed", "sign-in.succeeded", "sign-in.locked", "sign-in.locked",
                "sign-in.locked", "sign-in.failed", "sign-in.failed", "sign-in.failed", "sign-in.failed"), actions);
    }

    @Test
    void administratorsOfASuspendedAccountCannotSignInUntilItIsReactivated() {
        AccountSummary account = callers.newAccount("Groups");
        AddedAdministrator added = add(account, uniqueEmail());
        String email = added.administrator().email();
        char[] password = added.initialPassword().toCharArray();
        assertTrue(administrators.activeCaller(added.administrator().id()).isPresent());

        acting.actAs(Fixtures.serviceAdministrator());
        accounts.suspendAccount(account.number());

        assertInstanceOf(SignInOutcome.AccountSuspended.class, administrators.signIn(email, password, false));
        assertInstanceOf(SignInOutcome.Refused.class, administrators.signIn(email, "wrong".toCharArray(), false),
                "without the right password, suspension is not revealed");
        assertTrue(administrators.activeCaller(added.administrator().id()).isEmpty(), "open sessions end");
        assertEquals(List.of("Wrong password (1 in a row)", "Account suspended"),
                audit.accountEvents(account.number(), 0, 20).items().stream()
                        .filter(e -> e.action().equals("sign-in.failed")).map(AuditEntry::detail).toList());

        accounts.reactivateAccount(account.number());
        assertInstanceOf(SignInOutcome.SignedIn.class, administrators.signIn(email, password, false));
        assertTrue(administrators.activeCaller(added.administrator().id()).isPresent());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndALongNewOne() {
        AccountSummary account = callers.newAccount("Groups");
        AddedAdministrator added = add(account, uniqueEmail());
        String email = added.administrator().email();
        char[] initial = added.initialPassword().toCharArray();
        Caller self = ((SignInOutcome.SignedIn) administrators.signIn(email, initial, false)).caller();
        acting.actAs(self);

        assertEquals("currentPassword", assertThrows(InvalidValueException.class,
                () -> administrators.changeOwnPassword("wrong".toCharArray(), NEW_PASSWORD.toCharArray())).field());
        for (String weak : new String[]{"", "elevenchars", email.toUpperCase(), added.initialPassword(),
                "x".repeat(129)}) {
            InvalidValueException refused = assertThrows(InvalidValueException.class,
                    () -> administrators.changeOwnPassword(initial, weak.toCharArray()), weak);
            assertEquals("newPassword", refused.field(), refused.getMessage());
        }
        assertInstanceOf(SignInOutcome.SignedIn.class, administrators.signIn(email, initial, false),
                "refused changes leave the password as it was");

        administrators.changeOwnPassword(initial, "twelve chars".toCharArray());
        administrators.changeOwnPassword("twelve chars".toCharArray(), NEW_PASSWORD.toCharArray());

        assertInstanceOf(SignInOutcome.Refused.class, administrators.signIn(email, initial, false));
        SignInOutcome.SignedIn signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                administrators.signIn(email, NEW_PASSWORD.toCharArray(), false));
        assertFalse(signedIn.mustChangePassword());
        assertFalse(administrators.mustChangePassword(added.administrator().id()));
        AuditEntry changed = audit.accountEvents(account.number(), 0, 20).items().stream()
                .filter(e -> e.action().equals("administrator.password-changed")).findFirst().orElseThrow();
        assertEquals(email, changed.actor());
        assertEquals(account.number(), changed.accountNumber());
    }

    @Test
    void onlyASignedInAdministratorChangesAPassword() {
        AccountSummary account = callers.newAccount("Groups");
        acting.actAs(callers.tokenOf(account.number()));
        assertThrows(AccessDeniedException.class,
                () -> administrators.changeOwnPassword("whatever".toCharArray(), NEW_PASSWORD.toCharArray()));
    }
}
