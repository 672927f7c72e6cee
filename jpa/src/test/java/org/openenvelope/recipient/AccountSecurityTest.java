package org.openenvelope.recipient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.testing.TestAccounts;

class AccountSecurityTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void everyValueOutOfItsRangeIsNamedAndNothingChanges() {
        AccountSecurity stored = new AccountSecurity(TestAccounts.account());
        stored.change(RecipientSecurity.defaults(120), "ada", T0);
        RejectedValuesException refused = assertThrows(RejectedValuesException.class, () -> stored.change(
                new RecipientSecurity(11, true, 11, 0, 4, false), "bob", T0));
        assertEquals(List.of("passwordMinLength", "freeAttempts", "firstLockMinutes", "sessionMinutes"),
                refused.problems().stream().map(ValueProblem::field).toList());
        assertEquals(RecipientSecurity.defaults(120), stored.security());
    }

    @Test
    void wrongPasswordsPauseAfterTheFreeAttemptsForLongerEachTimeUpToHalfAnHour() {
        RecipientSecurity strict = new RecipientSecurity(16, true, 3, 2, 60, false);
        assertEquals(Duration.ZERO, strict.lockAfter(2));
        assertEquals(Duration.ofMinutes(2), strict.lockAfter(3));
        assertEquals(Duration.ofMinutes(4), strict.lockAfter(4));
        assertEquals(Duration.ofMinutes(30), strict.lockAfter(9));
        assertEquals(Duration.ZERO, RecipientSecurity.defaults(120).lockAfter(4), "five free attempts by default");
    }

    @Test
    void aSignInOpensTheAccountsEnvelopesForItsSessionLengthOnly() {
        RecipientSecurity hour = new RecipientSecurity(12, true, 5, 1, 60, true);
        assertEquals(true, hour.stillOpens(T0, T0.plusSeconds(3600)));
        assertEquals(false, hour.stillOpens(T0, T0.plusSeconds(3601)), "sign in again");
    }

    @Test
    void aPasswordChosenUnderAShorterMinimumDoesNotMeetALongerOne() {
        RegisteredRecipient recipient = new RegisteredRecipient("bob@example.org", "hash", 12, T0);
        assertEquals(true, recipient.meetsMinLength(12));
        assertEquals(false, recipient.meetsMinLength(16));
        recipient.choosePassword("hash2", 16, T0);
        assertEquals(true, recipient.meetsMinLength(16));
    }
}
