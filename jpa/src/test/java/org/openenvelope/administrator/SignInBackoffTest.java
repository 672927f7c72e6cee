package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInBackoffTest {

    @ParameterizedTest(name = "failure {0} in a row locks for {1} minutes")
    @CsvSource({
            "0, 0", "1, 0", "2, 0", "3, 0", "4, 0",
            // the fifth failure in a row is the first that locks (README: "locks ... after five failures")
            "5, 1", "6, 2", "7, 4", "8, 8", "9, 16",
            // 32 minutes would exceed the ceiling
            "10, 30", "11, 30", "20, 30", "1000, 30", "2147483647, 30"})
    void locksForOneMinuteDoublingUpToThirtyMinutes(int consecutiveFailures, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), SignInBackoff.lockAfter(consecutiveFailures));
    }
}
