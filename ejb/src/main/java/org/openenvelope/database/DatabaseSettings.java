package org.openenvelope.database;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is. Without {@code openenvelope.datasource.url} the service keeps an H2 file database under
 * {@code openenvelope.data.dir}, so the embedded default needs no setup and loses nothing on restart.
 *
 * <p>Durability: an H2 URL is made to acknowledge only commits that are on disk ({@link #durable(String)}); a
 * PostgreSQL server is checked for the same at start-up ({@link DatabaseDurability}).
 */
public record DatabaseSettings(String url, String user, String password) {

    static final String URL = "openenvelope.datasource.url";
    static final String USER = "openenvelope.datasource.user";
    static final String PASSWORD = "openenvelope.datasource.password";
    public static final String DATA_DIR = "openenvelope.data.dir";
    private static final String H2 = "jdbc:h2:";
    private static final String IMMEDIATE_WRITES = "WRITE_DELAY=0";
    private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);
    /** H2's file URLs without the {@code file:} prefix: absolute, home-relative or relative paths. */
    private static final Pattern IMPLICIT_FILE = Pattern.compile("/|~|\\.{1,2}/|[A-Za-z]:[/\\\\]");

    public static DatabaseSettings from(Config config) {
        String url = config.getOptionalValue(URL, String.class).map(DatabaseSettings::durable).orElseGet(
                () -> embeddedUrl(Path.of(config.getValue(DATA_DIR, String.class))));
        return new DatabaseSettings(url,
                config.getOptionalValue(USER, String.class).orElse(""),
                config.getOptionalValue(PASSWORD, String.class).orElse(""));
    }

    static String embeddedUrl(Path dataDir) {
        return H2 + SynchronousFileSystem.SCHEME + ":" + embeddedDatabase(dataDir) + ";" + IMMEDIATE_WRITES
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The embedded database's files, without H2's {@code .mv.db} suffix: {@code <data dir>/database/openenvelope}. */
    public static Path embeddedDatabase(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("database").resolve("openenvelope");
    }

    /**
     * An H2 URL that acknowledges a commit only once it is on disk. By default H2 writes committed changes in
     * the background about a second later, so a {@code kill -9} or power cut loses what it already confirmed:
     * file databases get the {@link SynchronousFileSystem} and every H2 URL {@code WRITE_DELAY=0}. A URL that
     * asks for a delay is refused rather than silently weakened or silently overridden.
     *
     * @throws IllegalArgumentException when the URL sets a {@code WRITE_DELAY} other than 0
     */
    static String durable(String url) {
        if (!url.regionMatches(true, 0, H2, 0, H2.length()) || url.regionMatches(true, H2.length(), "mem:", 0, 4)) {
            return url;
        }
        String location = url.substring(H2.length());
        if (location.regionMatches(true, 0, "file:", 0, 5)) {
            location = SynchronousFileSystem.SCHEME + ":" + location.substring(5);
        } else if (IMPLICIT_FILE.matcher(location).lookingAt()) {
            location = SynchronousFileSystem.SCHEME + ":" + location;
        }
        Matcher delay = WRITE_DELAY.matcher(location);
        if (!delay.find()) {
            return H2 + location + ";" + IMMEDIATE_WRITES;
        }
        if (Integer.parseInt(delay.group(1)) != 0) {
            throw new IllegalArgumentException(URL + " sets WRITE_DELAY=" + delay.group(1) + ": H2 would confirm"
                    + " commits that reach the disk only later and lose them in a crash. Remove WRITE_DELAY from"
                    + " the URL; OpenEnvelope sets WRITE_DELAY=0 itself.");
        }
        return H2 + location;
    }

    public boolean isEmbedded() {
        return url.startsWith(H2);
    }

    /** Whether this is an H2 file database written through {@link SynchronousFileSystem}, as the service opens one. */
    public boolean isEmbeddedFile() {
        return url.startsWith(H2 + SynchronousFileSystem.SCHEME + ":");
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
