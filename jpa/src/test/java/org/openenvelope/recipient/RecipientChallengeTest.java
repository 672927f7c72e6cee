package org.openenvelope.recipient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecipientChallengeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static RecipientChallenge challenge(ChallengePurpose purpose) {
        return new RecipientChallenge("d".repeat(64), purpose, "bob@partner.example", "envelope", NOW);
    }

    @Test
    void aCodeLastsFifteenMinutesALinkADayAResetAnHour() {
        assertEquals(NOW.plus(Duration.ofMinutes(15)), challenge(ChallengePurpose.SIGN_IN_CODE).getExpiresAt());
        assertEquals(NOW.plus(Duration.ofHours(24)), challenge(ChallengePurpose.REGISTRATION).getExpiresAt());
        assertEquals(NOW.plus(Duration.ofHours(1)), challenge(ChallengePurpose.PASSWORD_RESET).getExpiresAt());
        RecipientChallenge code = challenge(ChallengePurpose.SIGN_IN_CODE);
        assertTrue(code.isUsableAt(NOW.plus(Duration.ofMinutes(15)).minusMillis(1)));
        assertFalse(code.isUsableAt(NOW.plus(Duration.ofMinutes(15))));
        assertFalse(ChallengePurpose.SIGN_IN_CODE.isLink());
        assertTrue(ChallengePurpose.REGISTRATION.isLink());
    }

    @Test
    void itWorksOnce() {
        RecipientChallenge code = challenge(ChallengePurpose.SIGN_IN_CODE);
        code.consume(NOW);
        assertFalse(code.isUsableAt(NOW));
        assertEquals(NOW, code.getConsumedAt());
        assertThrows(IllegalStateException.class, () -> code.consume(NOW));
    }

    @Test
    void aCodeDiesAfterFiveWrongGuesses() {
        RecipientChallenge code = challenge(ChallengePurpose.SIGN_IN_CODE);
        for (int i = 1; i < RecipientChallenge.MAX_FAILED_ATTEMPTS; i++) {
            code.recordFailedAttempt();
            assertTrue(code.isUsableAt(NOW), "after " + i + " wrong guesses");
        }
        code.recordFailedAttempt();
        assertFalse(code.isUsableAt(NOW));
        assertThrows(IllegalStateException.class, () -> code.consume(NOW), "not even the right code opens it now");
    }

    @Test
    void aSessionEndsAtItsExpiryOrWhenEnded() {
        RecipientSession session = new RecipientSession("k".repeat(64), "bob@partner.example", RecipientSession.Method.CODE,
                NOW, NOW.plus(Duration.ofHours(2)));
        assertTrue(session.isActiveAt(NOW.plus(Duration.ofMinutes(119))));
        assertFalse(session.isActiveAt(NOW.plus(Duration.ofHours(2))));
        session.end(NOW.plusSeconds(5));
        assertFalse(session.isActiveAt(NOW.plusSeconds(6)));
    }
}
