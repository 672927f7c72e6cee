package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openenvelope.error.DatabaseOutage;

/**
 * The embedded database keeps every commit it confirmed when its process is killed ({@code kill -9}) at once:
 * a child JVM commits rows one by one through the service's own data source, says so, and is killed the moment
 * it has; the rows are all there when the database is opened again. H2's default (writing a second later in the
 * background) loses them.
 */
class DurableCommitTest {

    private static final int ROWS = 50;

    @TempDir
    Path dataDir;

    @Test
    void everyConfirmedCommitSurvivesKillDashNine() throws Exception {
        String url = DatabaseSettings.embeddedUrl(dataDir);
        kill(committed(url));

        DataSource reopened = ConfiguredDataSource.open(new DatabaseSettings(url, "", ""));
        try (Connection connection = reopened.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from confirmed")) {
            count.next();
            assertEquals(ROWS, count.getInt(1), "rows confirmed before the kill");
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void aDatabaseInUseByAnotherProcessIsRefusedAsAnOutage() throws Exception {
        String url = DatabaseSettings.embeddedUrl(dataDir);
        Process holder = committed(url);
        try {
            SQLException locked = assertThrows(SQLException.class,
                    () -> ConfiguredDataSource.open(new DatabaseSettings(url, "", "")).getConnection());
            assertEquals(90020, locked.getErrorCode(), locked.getMessage());
            assertTrue(DatabaseOutage.explains(locked));
        } finally {
            kill(holder);
        }
    }

    /** Starts the child on the database at {@code url} and returns once it has confirmed its commits. */
    private static Process committed(String url) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenWait.class.getName(), url)
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = output.readLine();
        } while (line != null && !line.equals("committed " + ROWS));
        assertEquals("committed " + ROWS, line, "the child committed its rows");
        return child;
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    /** The child: commits {@value #ROWS} rows, one transaction each, prints that it has, and waits to be killed. */
    public static final class CommitThenWait {

        public static void main(String[] arguments) throws SQLException, InterruptedException, IOException {
            DataSource dataSource = ConfiguredDataSource.open(new DatabaseSettings(arguments[0], "", ""));
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create table confirmed (id int primary key, note varchar(100))");
                for (int row = 0; row < ROWS; row++) {
                    statement.execute("insert into confirmed values (" + row + ", 'confirmed')");
                }
                System.out.println("committed " + ROWS);
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            }
        }
    }
}
