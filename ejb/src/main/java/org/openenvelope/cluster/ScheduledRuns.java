package org.openenvelope.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.openenvelope.database.DatabaseMigration;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.operations.ServiceMetrics;

/**
 * Scheduled work runs once per cluster, not once per node: every node's timer fires, and the first to claim the
 * period's run in the database does the work while the others skip it. Nothing is assigned to a node, so when the
 * node that usually wins dies the next period is simply claimed by another. A claim made within the last 90 % of
 * the period counts as this period's, which tolerates clocks a little apart and timers a little late.
 */
@Stateless
public class ScheduledRuns {

    /** This node as the table names it: process and host, e.g. {@code 4242@app-2}. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    private static final Logger LOG = ServiceLog.logger(ScheduledRuns.class);

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ServiceMetrics metrics;

    /**
     * Claims this period's run of {@code work} for this node, committed at once.
     *
     * @return whether this node should do the work now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String work, Duration period) {
        Instant now = clock.instant();
        Instant claimedBefore = now.minus(period.multipliedBy(9).dividedBy(10));
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE scheduled_run SET claimed_at = ?, node = ? WHERE name = ? AND claimed_at <= ?")) {
                update.setObject(1, utc(now));
                update.setString(2, NODE);
                update.setString(3, work);
                update.setObject(4, utc(claimedBefore));
                if (update.executeUpdate() == 1) {
                    return claimed(work);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scheduled_run (name, claimed_at, node) SELECT ?, ?, ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM scheduled_run WHERE name = ?)")) {
                insert.setString(1, work);
                insert.setObject(2, utc(now));
                insert.setString(3, NODE);
                insert.setString(4, work);
                return insert.executeUpdate() == 1 && claimed(work);
            }
        } catch (SQLException e) {
            // another node inserted the first claim at the same moment, or the database is away: skip this run
            LOG.log(Level.FINE, "Scheduled work " + work + " not claimed: " + e.getMessage());
            return false;
        }
    }

    private boolean claimed(String work) {
        metrics.scheduledRun(work);
        return true;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
