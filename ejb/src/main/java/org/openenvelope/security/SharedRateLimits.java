package org.openenvelope.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openenvelope.database.DatabaseMigration;
import org.openenvelope.database.DatabaseSettings;

/**
 * Rate-limit buckets kept in PostgreSQL (Bucket4j's store, a row locked for the moment of each check), so that every
 * node of a cluster counts against the same allowance: an attacker spreading guesses over the nodes gains nothing.
 * On H2 (one node by nature) limits stay in memory. Rows hold a digest of the key, never the address itself, and
 * are deleted by {@link #removeExpired()} once their bucket would be full again.
 */
@ApplicationScoped
public class SharedRateLimits {

    private static final int REMOVED_PER_BATCH = 1000;

    @Resource(lookup = DatabaseMigration.NON_TRANSACTIONAL_DATA_SOURCE)
    DataSource dataSource;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> store;

    @PostConstruct
    void open() {
        String url = DatabaseSettings.from(ConfigProvider.getConfig(SharedRateLimits.class.getClassLoader())).url();
        if (url.startsWith("jdbc:postgresql:")) {
            store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofMinutes(1)))
                    .build();
        }
    }

    /** Whether limits are shared by the nodes (the database is PostgreSQL). */
    public boolean active() {
        return store != null;
    }

    RateLimiter limiter(String name, int perMinute, Runnable onRefusal) {
        return new RateLimiter(perMinute,
                key -> store.getProxyConfiguration(id(name, key)).map(found -> bucket(name, key, perMinute)),
                key -> bucket(name, key, perMinute), onRefusal);
    }

    private Bucket bucket(String name, String key, int perMinute) {
        return store.getProxy(id(name, key), () -> RateLimiter.configuration(perMinute));
    }

    /** Deletes the buckets that are full again; returns how many. */
    public int removeExpired() {
        if (store == null) {
            return 0;
        }
        int removed = 0;
        int batch;
        do {
            batch = store.removeExpired(REMOVED_PER_BATCH);
            removed += batch;
        } while (batch == REMOVED_PER_BATCH);
        return removed;
    }

    /** The limit's name and a digest of the key: at most 128 characters, and no address stored. */
    static String id(String name, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return name + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
