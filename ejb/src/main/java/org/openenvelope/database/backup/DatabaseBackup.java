package org.openenvelope.database.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.database.DatabaseMigration;
import org.openenvelope.database.DatabaseSettings;
import org.openenvelope.error.ConflictException;

/**
 * Online backups of the embedded database. While the service runs, H2's file lock keeps every other process
 * out of the database, so only the service itself can copy it consistently: it runs H2's {@code BACKUP}, which
 * writes a zip of the database as of one moment while requests go on. PostgreSQL is backed up with its own
 * tools ({@code pg_dump}).
 */
@Stateless
public class DatabaseBackup {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Config config;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Writes {@code <data dir>/backups/openenvelope-<UTC time>.zip}; service administrators only. The zip holds
     * the database file; restoring is unzipping it into {@code <data dir>/database/} of a stopped service. The
     * master key is deliberately not in it (see the README: back it up separately).
     *
     * @throws ConflictException when the database is not an H2 file database of this service
     */
    public BackupFile backUp() {
        access.requireServiceAdministrator("back up the database");
        DatabaseSettings settings = DatabaseSettings.from(config);
        if (!settings.isEmbeddedFile()) {
            throw new ConflictException(null, "The database is " + settings.describe() + ", not the embedded H2"
                    + " database: back it up with its own tools (pg_dump for PostgreSQL).");
        }
        Instant now = clock.instant();
        Path file = Path.of(config.getValue(DatabaseSettings.DATA_DIR, String.class)).toAbsolutePath().normalize()
                .resolve("backups").resolve("openenvelope-" + FILE_TIME.format(now) + ".zip");
        try {
            Files.createDirectories(file.getParent());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            BackupFile backup = new BackupFile(file.toString(), Files.size(file), now);
            audit.record(AuditAction.DATABASE_BACKED_UP, null, file.getFileName() + " (" + backup.bytes() + " bytes)");
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the backup " + file, e);
        }
    }

    /** A backup written: where, how large, as of when. */
    public record BackupFile(String file, long bytes, Instant createdAt) {
    }
}
