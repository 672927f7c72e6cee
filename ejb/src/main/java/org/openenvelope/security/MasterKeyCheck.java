package org.openenvelope.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.openenvelope.database.DatabaseMigration;
import org.openenvelope.database.StartupRefusal;
import org.openenvelope.operations.ServiceLog;

/**
 * Proves at start that this node's master key is the one that sealed the database's secrets: a random value
 * sealed under the key is kept in the database, written by the first node that starts. A node that cannot open
 * it (another {@code openenvelope.secrets.master-key}, or the key file of another data directory) refuses to start,
 * rather than sealing secrets the other nodes cannot read. After a rotation the value is sealed again under the
 * current key, as every other secret is ({@link SecretRotation}). Readiness asks {@link #usable()} again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class MasterKeyCheck {

    static final String PURPOSE = "master-key-check";
    private static final Logger LOG = ServiceLog.logger(MasterKeyCheck.class);
    private static final int ROW = 1;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SecretBox secrets;

    @PostConstruct
    void atStartup() {
        try {
            String sealed = stored().orElseGet(this::created);
            if (!opens(sealed)) {
                throw StartupRefusal.refuse("OpenEnvelope does not start: its master key for secrets at rest (key "
                        + secrets.currentKeyId() + ") is not the one that sealed this database's secrets. Set "
                        + "openenvelope.secrets.master-key to the key the other nodes use (or restore the data "
                        + "directory's secrets/master.key that belongs to this database); during a rotation, list the "
                        + "old key in openenvelope.secrets.previous-master-keys.");
            }
            if (!secrets.isSealedWithCurrentKey(sealed)) {
                update(secrets.seal(random(), PURPOSE));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The master key check could not be read or written", e);
        }
    }

    /** Whether the master key still opens the stored value: false when another node rotated to a key this one lacks. */
    public boolean usable() throws SQLException {
        return stored().map(this::opens).orElse(false);
    }

    private boolean opens(String sealed) {
        try {
            secrets.open(sealed, PURPOSE);
            return true;
        } catch (IllegalStateException wrongKey) {
            return false;
        }
    }

    private Optional<String> stored() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sealed_value FROM master_key_check WHERE id = ?")) {
            select.setInt(1, ROW);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Writes the value as the first node; when another node wrote it at the same moment, that one counts. */
    private String created() {
        String sealed = secrets.seal(random(), PURPOSE);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO master_key_check (id, sealed_value) VALUES (?, ?)")) {
            insert.setInt(1, ROW);
            insert.setString(2, sealed);
            insert.executeUpdate();
            LOG.info(() -> "Recorded master key " + secrets.currentKeyId() + " as the key of this database's secrets");
            return sealed;
        } catch (SQLException raced) {
            try {
                return stored().orElseThrow(() -> raced);
            } catch (SQLException e) {
                throw new IllegalStateException("The master key check could not be written", e);
            }
        }
    }

    private void update(String sealed) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE master_key_check SET sealed_value = ? WHERE id = ?")) {
            update.setString(1, sealed);
            update.setInt(2, ROW);
            update.executeUpdate();
        }
    }

    private static byte[] random() {
        byte[] value = new byte[32];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
