package org.openenvelope.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The vendor data source behind the container's connection pool ({@link DatabaseMigration} declares the pool).
 * It reads {@link DatabaseSettings} from MicroProfile Config when the pool opens its first connection, so the
 * same EAR or WAR moves from the embedded H2 database to PostgreSQL by configuration alone, on any server. A
 * database that cannot be opened before the service has started ends the start ({@link StartupRefusal}).
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                current = target;
                if (current == null) {
                    current = open(DatabaseSettings.from(
                            ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())));
                    target = current;
                }
            }
        }
        return current;
    }

    static DataSource open(DatabaseSettings settings) throws SQLException {
        String vendor = settings.vendor().orElseThrow(() -> new SQLException(
                "openenvelope.datasource.url must start with jdbc:h2: or jdbc:postgresql:, not "
                        + settings.describe()));
        if (vendor.equals("H2")) {
            SynchronousFileSystem.register();
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(settings.url());
            h2.setUser(settings.user());
            h2.setPassword(settings.password());
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(settings.url());
        if (!settings.user().isEmpty()) {
            postgres.setUser(settings.user());
        }
        if (!settings.password().isEmpty()) {
            postgres.setPassword(settings.password());
        }
        return postgres;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return target().getConnection();
        } catch (SQLException failure) {
            throw StartupRefusal.connectionFailed(failure);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return target().getConnection(username, password);
        } catch (SQLException failure) {
            throw StartupRefusal.connectionFailed(failure);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}
