package org.openenvelope.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.error.InvalidValueException;

class AccountNumberTest {

    @Test
    void computesTheLuhnCheckDigit() {
        // the textbook example: 7992739871 has check digit 3
        assertEquals(3, AccountNumber.checkDigit("7992739871"));
        assertEquals(4, AccountNumber.checkDigit("1234567"));
        assertEquals(0, AccountNumber.checkDigit("0000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345674", "79927398", "10000008", "99999997"})
    void acceptsEightDigitsWithTheRightCheckDigit(String number) {
        assertTrue(AccountNumber.isWellFormed(number));
        assertEquals(number, AccountNumber.require("number", number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345670", "12345671", "12345675", "12345679"})
    void rejectsAWrongCheckDigit(String number) {
        assertFalse(AccountNumber.isWellFormed(number));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1234567", "123456740", "1234 5674", " 12345674", "12345674 "})
    void rejectsTheWrongLength(String number) {
        assertFalse(AccountNumber.isWellFormed(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567a", "1234-674", "+1234567", "１２３４５６７４", "١٢٣٤٥٦٧٤"})
    void rejectsAnythingButAsciiDigits(String number) {
        assertFalse(AccountNumber.isWellFormed(number));
    }

    @Test
    void rejectsALeadingZeroEvenWithAValidCheckDigit() {
        String number = "0123456" + AccountNumber.checkDigit("0123456");
        assertFalse(AccountNumber.isWellFormed(number));
    }

    @Test
    void recognisesEverySingleMistypedDigit() {
        String valid = "12345674";
        for (int position = 0; position < AccountNumber.LENGTH; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertFalse(AccountNumber.isWellFormed(typo), typo);
            }
        }
    }

    @Test
    void recognisesSwappedNeighbours() {
        assertFalse(AccountNumber.isWellFormed("21345674"));
        assertFalse(AccountNumber.isWellFormed("12354674"));
    }

    @Test
    void requireNamesTheFieldAndTheValue() {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> AccountNumber.require("accountNumber", " 1234 "));
        assertEquals("accountNumber", refused.field());
        assertEquals("invalid_value", refused.code());
        assertEquals("\"1234\" is not an account number (8 digits).", refused.getMessage());
    }

    @Test
    void generatedNumbersAreAlwaysWellFormed() {
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String number = AccountNumber.generate(random);
            assertEquals(AccountNumber.LENGTH, number.length(), number);
            assertNotEquals('0', number.charAt(0), number);
            assertTrue(AccountNumber.isWellFormed(number), number);
            seen.add(number);
        }
        assertTrue(seen.size() > 9_900, "random numbers rarely repeat: " + seen.size());
    }

    @Test
    void generatesFromASecureRandomByDefault() {
        assertTrue(AccountNumber.isWellFormed(AccountNumber.generate()));
    }

    @Test
    void generatedNumbersUseEveryLeadingDigitExceptZero() {
        Random random = new Random(7);
        Set<Character> leading = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            leading.add(AccountNumber.generate(random).charAt(0));
        }
        assertEquals(Set.of('1', '2', '3', '4', '5', '6', '7', '8', '9'), leading);
    }
}
