package org.openenvelope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.security.SecretBox;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.StoredRows;

/** The client secret at rest and who may reach an account's Microsoft 365 connection, in the container. */
@ExtendWith(ArquillianExtension.class)
class MicrosoftConnectionServiceIT {

    private static final String SECRET = "Abc8Q~in-container.secret_value~0123456789";
    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT = "b2a6e0b7-1f5f-4b8e-9a77-0c1d2e3f4a5b";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs().addClasses(StoredRows.class);
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    MicrosoftConnectionService connections;

    @Inject
    SecretBox secrets;

    @Inject
    StoredRows rows;

    @Test
    void theDatabaseNeverHoldsTheClientSecretInClear() {
        String account = callers.newAccount("M365 at rest").number();
        acting.actAs(callers.administratorOf(account));
        connections.saveDetails(account, TENANT, CLIENT, SECRET);

        List<Object[]> stored = rows.rows("select * from microsoft_connection c join account a on a.id = c.account_id"
                + " where a.account_number = ?1", account);
        assertEquals(1, stored.size());
        String everyColumn = Arrays.toString(stored.get(0));
        assertFalse(everyColumn.contains(SECRET), "no column holds the secret: " + everyColumn);
        assertFalse(everyColumn.contains(SECRET.substring(4, 20)), "nor a part of it beyond the hint");
        String sealed = (String) rows.rows("select c.sealed_secret from microsoft_connection c join account a"
                + " on a.id = c.account_id where a.account_number = ?1", account).get(0)[0];
        assertTrue(sealed.startsWith("v2:"), sealed);
        assertEquals(SECRET, new String(secrets.open(sealed, "graph-client-secret:" + account), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> secrets.open(sealed, "graph-client-secret:00000000"),
                "bound to its account: copied into another account's row it does not open");
    }

    @Test
    void anotherAccountsAdministratorCannotReachTheConnection() {
        String mine = callers.newAccount("M365 at rest").number();
        String theirs = callers.newAccount("M365 at rest").number();
        acting.actAs(callers.administratorOf(theirs));
        connections.saveDetails(theirs, TENANT, CLIENT, SECRET);

        acting.actAs(callers.administratorOf(mine));
        assertThrows(ResourceNotFoundException.class, () -> connections.connection(theirs));
        assertThrows(ResourceNotFoundException.class, () -> connections.saveDetails(theirs, TENANT, CLIENT, "x" + SECRET));
        assertThrows(ResourceNotFoundException.class, () -> connections.testConnection(theirs));
        assertFalse(connections.connection(mine).secretSet());
    }
}
