package org.openenvelope.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;

class AccountTest {

    private static final Instant CREATED = Instant.parse("2025-01-15T09:30:00Z");

    private static Account account() {
        return new Account("12345674", "Example Ltd", CREATED);
    }

    @Test
    void startsActiveWithItsNumberNameAndCreationTime() {
        Account account = new Account("12345674", "  Example Ltd  ", CREATED);
        assertEquals("12345674", account.getNumber());
        assertEquals("Example Ltd", account.getName());
        assertEquals(AccountStatus.ACTIVE, account.getStatus());
        assertTrue(account.isActive());
        assertEquals(CREATED, account.getCreatedAt());
    }

    @Test
    void refusesAMalformedNumber() {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> new Account("12345675", "Example Ltd", CREATED));
        assertEquals("number", refused.field());
    }

    @Test
    void renameTrimsTheName() {
        Account account = account();
        account.rename("\t New Name \n");
        assertEquals("New Name", account.getName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void renameRefusesABlankNameAndKeepsTheOldOne(String blank) {
        Account account = account();
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> account.rename(blank));
        assertEquals("name", refused.field());
        assertEquals("Account name is required.", refused.getMessage());
        assertEquals("Example Ltd", account.getName());
    }

    @Test
    void acceptsOneHundredTwentyCharacters() {
        Account account = account();
        String longest = "n".repeat(Account.NAME_MAX_LENGTH);
        account.rename(" " + longest + " ");
        assertEquals(longest, account.getName());
    }

    @Test
    void renameRefusesMoreThanOneHundredTwentyCharacters() {
        Account account = account();
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> account.rename("n".repeat(121)));
        assertEquals("name", refused.field());
        assertEquals("Account name is 121 characters long; at most 120 are allowed.", refused.getMessage());
        assertEquals("Example Ltd", account.getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Two\nLines", "Tab\there", "Bell\u0007", "Delete\u007f"})
    void renameRefusesControlCharacters(String name) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> account().rename(name));
        assertEquals("Account name must be a single line without control characters.", refused.getMessage());
    }

    @Test
    void theConstructorAppliesTheSameNameRules() {
        assertEquals("Account name is required.", assertThrows(InvalidValueException.class,
                () -> new Account("12345674", " ", CREATED)).getMessage());
    }

    @Test
    void suspendsAnActiveAccount() {
        Account account = account();
        account.suspend();
        assertEquals(AccountStatus.SUSPENDED, account.getStatus());
        assertFalse(account.isActive());
    }

    @Test
    void refusesToSuspendTwice() {
        Account account = account();
        account.suspend();
        ConflictException refused = assertThrows(ConflictException.class, account::suspend);
        assertEquals("status", refused.field());
        assertEquals("conflict", refused.code());
        assertEquals("Account 12345674 is already suspended.", refused.getMessage());
        assertEquals(AccountStatus.SUSPENDED, account.getStatus());
    }

    @Test
    void reactivatesASuspendedAccount() {
        Account account = account();
        account.suspend();
        account.reactivate();
        assertEquals(AccountStatus.ACTIVE, account.getStatus());
        assertTrue(account.isActive());
    }

    @Test
    void refusesToReactivateAnActiveAccount() {
        Account account = account();
        ConflictException refused = assertThrows(ConflictException.class, account::reactivate);
        assertEquals("status", refused.field());
        assertEquals("Account 12345674 is already active.", refused.getMessage());
        assertTrue(account.isActive());
    }
}
