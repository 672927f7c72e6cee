package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.security.AdministratorRole;
import org.openenvelope.testing.TestAccounts;

class AdministratorTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    /** A clock the test moves by hand, so lock expiry is checked to the second without sleeping. */
    private Clock clock = Clock.fixed(START, ZoneOffset.UTC);

    private Instant now() {
        return clock.instant();
    }

    private void advance(Duration duration) {
        clock = Clock.offset(clock, duration);
    }

    private static Administrator accountAdministrator() {
        return Administrator.forAccount(TestAccounts.account(), "admin@example.com", "Ada", "hash-1", START);
    }

    private void failSignIns(Administrator administrator, int times) {
        for (int i = 0; i < times; i++) {
            administrator.recordFailedSignIn(now());
        }
    }

    @Test
    void serviceAdministratorsBelongToNoAccount() {
        Administrator administrator = Administrator.forService("root@example.com", "Root", "hash", false, START);
        assertTrue(administrator.isServiceAdministrator());
        assertEquals(AdministratorRole.SERVICE, administrator.getRole());
        assertNull(administrator.getAccount());
        assertFalse(administrator.isMustChangePassword());
        assertEquals(START, administrator.getCreatedAt());
    }

    @Test
    void accountAdministratorsMustReplaceTheirInitialPassword() {
        Account account = TestAccounts.account();
        Administrator administrator = Administrator.forAccount(account, "admin@example.com", "Ada", "hash-1", START);
        assertFalse(administrator.isServiceAdministrator());
        assertEquals(AdministratorRole.ACCOUNT, administrator.getRole());
        assertSame(account, administrator.getAccount());
        assertTrue(administrator.isMustChangePassword());
        assertEquals("hash-1", administrator.getPasswordHash());
        assertEquals(0, administrator.getFailedSignIns());
        assertNull(administrator.getLockedUntil());
        assertNull(administrator.getLastSignInAt());
    }

    @Test
    void accountAdministratorsNeedAnAccountAndEveryoneAHash() {
        assertThrows(NullPointerException.class,
                () -> Administrator.forAccount(null, "admin@example.com", null, "hash", START));
        assertThrows(NullPointerException.class,
                () -> Administrator.forService("root@example.com", null, null, false, START));
        assertThrows(NullPointerException.class,
                () -> Administrator.forService(null, null, "hash", false, START));
    }

    @Test
    void rolesNameTheContainerSecurityGroups() {
        assertEquals("service-admin", AdministratorRole.SERVICE.securityRole());
        assertEquals("account-admin", AdministratorRole.ACCOUNT.securityRole());
    }

    @Test
    void fourFailuresInARowDoNotLock() {
        Administrator administrator = accountAdministrator();
        failSignIns(administrator, 4);
        assertEquals(4, administrator.getFailedSignIns());
        assertNull(administrator.getLockedUntil());
        assertFalse(administrator.isLockedAt(now()));
    }

    @Test
    void theFifthFailureLocksForOneMinute() {
        Administrator administrator = accountAdministrator();
        failSignIns(administrator, 5);
        assertEquals(START.plus(Duration.ofMinutes(1)), administrator.getLockedUntil());
        assertTrue(administrator.isLockedAt(now()));

        advance(Duration.ofSeconds(59));
        assertTrue(administrator.isLockedAt(now()));
        advance(Duration.ofSeconds(1));
        assertFalse(administrator.isLockedAt(now()), "the lock ends exactly at lockedUntil");
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToThirtyMinutes() {
        Administrator administrator = accountAdministrator();
        failSignIns(administrator, 5);
        long[] expectedMinutes = {2, 4, 8, 16, 30, 30, 30};
        for (long minutes : expectedMinutes) {
            advance(Duration.ofHours(1));
            administrator.recordFailedSignIn(now());
            assertEquals(now().plus(Duration.ofMinutes(minutes)), administrator.getLockedUntil(),
                    "after " + administrator.getFailedSignIns() + " failures");
        }
        assertEquals(12, administrator.getFailedSignIns());
        advance(Duration.ofMinutes(30).minusSeconds(1));
        assertTrue(administrator.isLockedAt(now()));
        advance(Duration.ofSeconds(1));
        assertFalse(administrator.isLockedAt(now()));
    }

    @Test
    void aSuccessfulSignInResetsTheCountAndTheLock() {
        Administrator administrator = accountAdministrator();
        failSignIns(administrator, 6);
        advance(Duration.ofMinutes(5));
        administrator.recordSuccessfulSignIn(now());

        assertEquals(0, administrator.getFailedSignIns());
        assertNull(administrator.getLockedUntil());
        assertFalse(administrator.isLockedAt(now()));
        assertEquals(now(), administrator.getLastSignInAt());

        administrator.recordFailedSignIn(now());
        assertFalse(administrator.isLockedAt(now()), "counting starts again from zero");
        assertEquals(1, administrator.getFailedSignIns());
    }

    @Test
    void changingThePasswordReplacesTheHashAndEndsTheObligationToChangeIt() {
        Administrator administrator = accountAdministrator();
        advance(Duration.ofDays(1));
        administrator.changePassword("hash-2", now());
        assertEquals("hash-2", administrator.getPasswordHash());
        assertFalse(administrator.isMustChangePassword());
        assertThrows(NullPointerException.class, () -> administrator.changePassword(null, now()));
        assertEquals("hash-2", administrator.getPasswordHash());
    }

    @Test
    void anAuthenticatorCodeIsAcceptedOnceAndNoEarlierOneAfterIt() {
        Administrator administrator = accountAdministrator();
        assertFalse(administrator.acceptAuthenticatorStep(100), "no app set up");
        administrator.enrolSecondFactor("sealed", 100, java.util.List.of("d1", "d2"), START);
        assertTrue(administrator.hasSecondFactor());
        assertFalse(administrator.acceptAuthenticatorStep(100), "the step that confirmed the set-up");
        assertTrue(administrator.acceptAuthenticatorStep(101));
        assertFalse(administrator.acceptAuthenticatorStep(101), "the same code again");
        assertFalse(administrator.acceptAuthenticatorStep(99), "an older code");
        assertTrue(administrator.acceptAuthenticatorStep(103));
    }

    @Test
    void eachRecoveryCodeOpensOneSignIn() {
        Administrator administrator = accountAdministrator();
        administrator.enrolSecondFactor("sealed", 1, java.util.List.of("d1", "d2"), START);
        assertEquals(2, administrator.getUnusedRecoveryCodes());
        assertTrue(administrator.useRecoveryCode("d2", START));
        assertFalse(administrator.useRecoveryCode("d2", START), "used already");
        assertFalse(administrator.useRecoveryCode("d3", START), "not one of them");
        assertEquals(1, administrator.getUnusedRecoveryCodes());
        administrator.replaceRecoveryCodes(java.util.List.of("e1", "e2", "e3"));
        assertFalse(administrator.useRecoveryCode("d1", START), "replaced codes no longer work");
        assertEquals(3, administrator.getUnusedRecoveryCodes());
    }

    @Test
    void removingTheAppRemovesItsRecoveryCodes() {
        Administrator administrator = accountAdministrator();
        administrator.enrolSecondFactor("sealed", 1, java.util.List.of("d1"), START);
        administrator.removeSecondFactor();
        assertFalse(administrator.hasSecondFactor());
        assertNull(administrator.getSealedAuthenticatorSecret());
        assertFalse(administrator.useRecoveryCode("d1", START));
        assertFalse(administrator.acceptAuthenticatorStep(5));
        assertThrows(IllegalStateException.class, () -> administrator.replaceRecoveryCodes(java.util.List.of("x")));
    }
}
