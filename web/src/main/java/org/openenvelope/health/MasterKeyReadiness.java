package org.openenvelope.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.openenvelope.security.MasterKeyCheck;

/** Ready only while this node's master key opens the database's secrets (another node may have rotated it). */
@Readiness
@ApplicationScoped
public class MasterKeyReadiness implements HealthCheck {

    static final String NAME = "master-key";

    @EJB
    MasterKeyCheck check;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named(NAME).status(check.usable()).build();
        } catch (SQLException | RuntimeException unavailable) {
            return HealthCheckResponse.named(NAME).down().withData("error", unavailable.getClass().getSimpleName())
                    .build();
        }
    }
}
