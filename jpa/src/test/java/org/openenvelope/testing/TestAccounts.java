package org.openenvelope.testing;

import java.time.Instant;
import org.openenvelope.account.Account;

/** Accounts for tests that need one to hang things off; numbers are valid (Luhn) and fixed. */
public final class TestAccounts {

    /** 1234567 with its Luhn check digit. */
    public static final String NUMBER = "12345674";
    public static final Instant CREATED = Instant.parse("2025-01-15T09:30:00Z");

    private TestAccounts() {
    }

    public static Account account() {
        return new Account(NUMBER, "Example Ltd", CREATED);
    }
}
