package org.openenvelope.database;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is. Without {@code openenvelope.datasource.url} the service keeps an H2 file database under
 * {@code openenvelope.data.dir}, so the embedded default needs no setup and loses nothing on restart.
 */
public record DatabaseSettings(String url, String user, String password) {

    static final String URL = "openenvelope.datasource.url";
    static final String USER = "openenvelope.datasource.user";
    static final String PASSWORD = "openenvelope.datasource.password";
    static final String DATA_DIR = "openenvelope.data.dir";

    public static DatabaseSettings from(Config config) {
        String url = config.getOptionalValue(URL, String.class).orElseGet(() -> embeddedUrl(
                Path.of(config.getValue(DATA_DIR, String.class))));
        return new DatabaseSettings(url,
                config.getOptionalValue(USER, String.class).orElse(""),
                config.getOptionalValue(PASSWORD, String.class).orElse(""));
    }

    static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("database").resolve("openenvelope")
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL without credentials or parameters, safe for the log. */
    public String describe() {
        int parameters = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user + "]";
    }

    Optional<String> vendor() {
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of("H2");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of("PostgreSQL");
        }
        return Optional.empty();
    }
}
