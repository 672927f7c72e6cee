package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAUrlUsesADurableH2FileDatabaseUnderTheDataDirectory() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(DatabaseSettings.DATA_DIR, dataDir.toString()));
        assertEquals("jdbc:h2:fsync:" + dataDir.resolve("database").resolve("openenvelope")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", settings.url());
        assertEquals("", settings.user());
        assertEquals("", settings.password());
        assertTrue(settings.isEmbedded());
        assertEquals(Optional.of("H2"), settings.vendor());
    }

    @Test
    void theEmbeddedDatabaseIsFoundByAnAbsoluteNormalisedPath() {
        String url = DatabaseSettings.embeddedUrl(Path.of("relative/./data/../data"));
        Path expected = Path.of("relative/data").toAbsolutePath().resolve("database").resolve("openenvelope");
        assertEquals("jdbc:h2:fsync:" + expected + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", url);
    }

    @Test
    void anH2UrlOfTheOperatorsOwnIsMadeDurable() {
        assertEquals("jdbc:h2:fsync:/srv/oe/db;MODE=PostgreSQL;WRITE_DELAY=0",
                DatabaseSettings.durable("jdbc:h2:file:/srv/oe/db;MODE=PostgreSQL"));
        assertEquals("jdbc:h2:fsync:~/oe/db;WRITE_DELAY=0", DatabaseSettings.durable("jdbc:h2:~/oe/db"));
        assertEquals("jdbc:h2:fsync:./db;WRITE_DELAY=0", DatabaseSettings.durable("jdbc:h2:./db"));
        assertEquals("jdbc:h2:tcp://db.internal/oe;WRITE_DELAY=0", DatabaseSettings.durable("jdbc:h2:tcp://db.internal/oe"));
        assertEquals("jdbc:h2:fsync:/srv/oe/db;write_delay = 0", DatabaseSettings.durable("jdbc:h2:file:/srv/oe/db;write_delay = 0"));
        assertEquals("jdbc:h2:fsync:/srv/oe/db;WRITE_DELAY=0", DatabaseSettings.from(MapConfig.of(
                DatabaseSettings.URL, "jdbc:h2:file:/srv/oe/db")).url());
    }

    @Test
    void inMemoryAndPostgreSqlUrlsAreLeftAsTheyAre() {
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", DatabaseSettings.durable("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:postgresql://db/oe", DatabaseSettings.durable("jdbc:postgresql://db/oe"));
    }

    @Test
    void refusesAnH2UrlThatDelaysWrites() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.from(
                MapConfig.of(DatabaseSettings.URL, "jdbc:h2:file:/srv/oe/db;WRITE_DELAY=500")));
        assertTrue(refused.getMessage().startsWith("openenvelope.datasource.url sets WRITE_DELAY=500: H2 would"
                + " confirm commits that reach the disk only later"), refused.getMessage());
    }

    @Test
    void withoutAUrlTheDataDirectoryIsRequired() {
        NoSuchElementException missing = assertThrows(NoSuchElementException.class,
                () -> DatabaseSettings.from(MapConfig.of()));
        assertTrue(missing.getMessage().contains(DatabaseSettings.DATA_DIR), missing.getMessage());
    }

    @Test
    void anExplicitUrlUserAndPasswordWin() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(
                DatabaseSettings.DATA_DIR, dataDir.toString(),
                DatabaseSettings.URL, "jdbc:postgresql://db.internal:5432/openenvelope?sslmode=require",
                DatabaseSettings.USER, "envelope",
                DatabaseSettings.PASSWORD, "s3cret-pw"));
        assertEquals(new DatabaseSettings("jdbc:postgresql://db.internal:5432/openenvelope?sslmode=require",
                "envelope", "s3cret-pw"), settings);
        assertFalse(settings.isEmbedded());
        assertEquals(Optional.of("PostgreSQL"), settings.vendor());
    }

    @Test
    void anExplicitUrlNeedsNoDataDirectory() {
        assertEquals("jdbc:h2:mem:x", DatabaseSettings.from(MapConfig.of(DatabaseSettings.URL, "jdbc:h2:mem:x")).url());
    }

    @Test
    void describeLeavesOutParametersThatMayHoldCredentials() {
        assertEquals("jdbc:postgresql://db:5432/oe",
                new DatabaseSettings("jdbc:postgresql://db:5432/oe?user=u&password=secret", "", "").describe());
        assertEquals("jdbc:h2:file:/srv/oe/database/openenvelope",
                new DatabaseSettings("jdbc:h2:file:/srv/oe/database/openenvelope;PASSWORD=secret", "", "").describe());
        assertEquals("jdbc:postgresql://db/oe", new DatabaseSettings("jdbc:postgresql://db/oe", "", "").describe());
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/oe?password=inurl", "envelope", "secret");
        assertFalse(settings.toString().contains("secret"), settings.toString());
        assertFalse(settings.toString().contains("inurl"), settings.toString());
        assertTrue(settings.toString().contains("envelope"));
    }

    @Test
    void otherDatabasesAreNotRecognised() {
        assertEquals(Optional.empty(), new DatabaseSettings("jdbc:mysql://db/oe", "", "").vendor());
    }
}
