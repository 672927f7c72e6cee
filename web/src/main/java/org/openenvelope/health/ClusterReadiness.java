package org.openenvelope.health;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.openenvelope.database.DatabaseSettings;

/**
 * When the node is clustered (Payara's data grid on): ready while it is a running member of the grid, which holds
 * the portal sessions; never when it has company but an embedded database, which the other nodes cannot share.
 * A single node without the data grid ({@code --nohazelcast}) reports only that.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    static final String NAME = "cluster";
    /** Where Payara binds its Hazelcast instance. */
    static final String DATA_GRID = "payara/Hazelcast";

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named(NAME);
        HazelcastInstance grid = dataGrid();
        if (grid == null) {
            return health.up().withData("clustered", false).build();
        }
        boolean running = grid.getLifecycleService().isRunning();
        int members = running ? grid.getCluster().getMembers().size() : 0;
        health.withData("clustered", true).withData("members", members);
        boolean sharedDatabase = !DatabaseSettings.from(ConfigProvider.getConfig(ClusterReadiness.class.getClassLoader()))
                .isEmbedded();
        if (members > 1 && !sharedDatabase) {
            return health.down().withData("problem", "the embedded database is not shared: clustered nodes need"
                    + " one PostgreSQL database (openenvelope.datasource.url)").build();
        }
        return health.status(running).build();
    }

    private static HazelcastInstance dataGrid() {
        try {
            Object bound = new InitialContext().lookup(DATA_GRID);
            return bound instanceof HazelcastInstance instance ? instance : null;
        } catch (NamingException notClustered) {
            return null;
        }
    }
}
