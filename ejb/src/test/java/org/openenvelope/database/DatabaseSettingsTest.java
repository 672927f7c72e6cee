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
    void withoutAUrlUsesAnH2FileDatabaseUnderTheDataDirectory() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(DatabaseSettings.DATA_DIR, dataDir.toString()));
        assertEquals("jdbc:h2:file:" + dataDir.resolve("database").resolve("openenvelope") + ";DB_CLOSE_ON_EXIT=FALSE",
                settings.url());
        assertEquals("", settings.user());
        assertEquals("", settings.password());
        assertTrue(settings.isEmbedded());
        assertEquals(Optional.of("H2"), settings.vendor());
    }

    @Test
    void theEmbeddedDatabaseIsFoundByAnAbsoluteNormalisedPath() {
        String url = DatabaseSettings.embeddedUrl(Path.of("relative/./data/../data"));
        Path expected = Path.of("relative/data").toAbsolutePath().resolve("database").resolve("openenvelope");
        assertEquals("jdbc:h2:file:" + expected + ";DB_CLOSE_ON_EXIT=FALSE", url);
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
