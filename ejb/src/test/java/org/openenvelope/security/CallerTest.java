package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final Caller SERVICE =
            new Caller(CallerKind.ADMINISTRATOR, 1, "root@example.com", AdministratorRole.SERVICE, null, null);
    // ids above 127 so that a boxed Long comparison by reference would fail
    private static final Caller ACCOUNT =
            new Caller(CallerKind.API_TOKEN, 2, "token \"CI\"", AdministratorRole.ACCOUNT, 1000L, "12345674");

    @Test
    void serviceAdministratorsMayAccessEveryAccount() {
        assertTrue(SERVICE.isServiceAdministrator());
        assertTrue(SERVICE.mayAccessAccount(1000));
        assertTrue(SERVICE.mayAccessAccount(2000));
    }

    @Test
    void accountCallersMayAccessOnlyTheirOwnAccount() {
        assertFalse(ACCOUNT.isServiceAdministrator());
        assertTrue(ACCOUNT.mayAccessAccount(Long.valueOf(1000)));
        assertFalse(ACCOUNT.mayAccessAccount(1001));
    }

    @Test
    void accountCallersNeedAnAccountAndServiceCallersMustNotHaveOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new Caller(CallerKind.ADMINISTRATOR, 1, "a", AdministratorRole.ACCOUNT, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Caller(CallerKind.ADMINISTRATOR, 1, "a", AdministratorRole.SERVICE, 5L, "12345674"));
    }

    @Test
    void namesAndGroupsAreWhatTheContainerSees() {
        assertEquals("root@example.com", SERVICE.getName());
        assertEquals(Set.of("service-admin"), SERVICE.groups());
        assertEquals(Set.of("account-admin"), ACCOUNT.groups());
    }
}
