package org.openenvelope.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.openenvelope.account.AccountNumber;
import org.openenvelope.security.AdministratorRole;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CallerKind;

/** Callers for in-container tests, and unique names and account numbers for every test. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    private Fixtures() {
    }

    public static Caller serviceAdministrator() {
        return new Caller(CallerKind.ADMINISTRATOR, -1, "service-admin@test.example", AdministratorRole.SERVICE, null, null);
    }

    /** An account administrator of the given account; {@code accountId} must be that account's database id. */
    public static Caller accountAdministrator(long accountId, String accountNumber) {
        return new Caller(CallerKind.ADMINISTRATOR, -2, "account-admin-" + accountNumber + "@test.example",
                AdministratorRole.ACCOUNT, accountId, accountNumber);
    }

    public static Caller accountToken(long accountId, String accountNumber) {
        return new Caller(CallerKind.API_TOKEN, -3, "token \"test\"", AdministratorRole.ACCOUNT, accountId, accountNumber);
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A domain nobody else in the test run uses. */
    public static String uniqueDomain() {
        return "d" + SEQUENCE.incrementAndGet() + ".example.com";
    }

    /**
     * A well-formed account number that no account has, as {@code unused} tells it (asked the way the test sees
     * accounts: through a service, the API or the portal).
     */
    public static String unusedAccountNumber(Predicate<String> unused) {
        while (true) {
            String candidate = AccountNumber.generate();
            if (unused.test(candidate)) {
                return candidate;
            }
        }
    }
}
