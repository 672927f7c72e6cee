package org.openenvelope.account;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.openenvelope.error.InvalidValueException;

/**
 * The public, stable identifier of an account: eight digits, never starting with 0, the last one a Luhn check
 * digit so that a mistyped number is recognised as such instead of naming another account.
 */
public final class AccountNumber {

    public static final int LENGTH = 8;

    private AccountNumber() {
    }

    /** A random, well-formed number; uniqueness is the caller's concern (the database enforces it). */
    public static String generate(RandomGenerator random) {
        StringBuilder digits = new StringBuilder(LENGTH);
        digits.append(1 + random.nextInt(9));
        while (digits.length() < LENGTH - 1) {
            digits.append(random.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    public static String generate() {
        return generate(new SecureRandom());
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null
                && candidate.length() == LENGTH
                && candidate.chars().allMatch(c -> c >= '0' && c <= '9')
                && candidate.charAt(0) != '0'
                && checkDigit(candidate.substring(0, LENGTH - 1)) == candidate.charAt(LENGTH - 1) - '0';
    }

    /** @throws InvalidValueException naming {@code field} when the number is malformed */
    public static String require(String field, String candidate) {
        if (!isWellFormed(candidate)) {
            throw new InvalidValueException(field, "\"" + String.valueOf(candidate).strip()
                    + "\" is not an account number (8 digits).");
        }
        return candidate;
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
