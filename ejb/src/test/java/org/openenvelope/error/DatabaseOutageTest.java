package org.openenvelope.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseServerIsAnOutageHoweverDeeplyWrapped() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + closedPort + "/nowhere"));
        assertTrue(DatabaseOutage.explains(refused));
        assertTrue(DatabaseOutage.explains(new EJBException(new PersistenceException("wrapped", refused))));
        assertTrue(DatabaseOutage.describe(new EJBException(new PersistenceException("bound values", refused)))
                .startsWith(refused.getClass().getSimpleName() + ": "), "only the database's own message");
    }

    @Test
    void aClosedDatabaseIsAnOutage() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:outage-closed");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        SQLException closed = assertThrows(SQLException.class, () -> connection.createStatement().execute("select 1"));
        assertTrue(DatabaseOutage.explains(closed), closed.getMessage());
    }

    @Test
    void aPoolThatCannotAllocateAConnectionIsAnOutage() {
        assertTrue(DatabaseOutage.explains(new SQLException("Error in allocating a connection",
                new ResourceAllocationException("Connection could not be allocated"))));
    }

    @Test
    void postgreSqlStatesOfAServerThatCannotServeAreOutages() {
        assertTrue(DatabaseOutage.explains(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.explains(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.explains(new SQLException("could not extend file: No space left on device", "53100")));
        assertTrue(DatabaseOutage.explains(new SQLException("Connection refused", "08001")));
        assertTrue(DatabaseOutage.explains(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
    }

    @Test
    void mistakesOfTheRequestOrTheCodeAreNotOutages() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:outage-mistakes");
             Statement statement = connection.createStatement()) {
            statement.execute("create table t (id int primary key)");
            statement.execute("insert into t values (1)");
            assertFalse(DatabaseOutage.explains(assertThrows(SQLException.class, () -> statement.execute("insert into t values (1)"))));
            assertFalse(DatabaseOutage.explains(assertThrows(SQLException.class, () -> statement.execute("selec 1"))));
        }
        assertFalse(DatabaseOutage.explains(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseOutage.explains(new IllegalStateException("a bug")));
        assertEquals("unknown", DatabaseOutage.describe(new IllegalStateException("a bug")));
    }
}
