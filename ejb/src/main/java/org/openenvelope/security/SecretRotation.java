package org.openenvelope.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openenvelope.cluster.ScheduledRuns;
import org.openenvelope.operations.ServiceLog;

/**
 * Completes a master key rotation: at start-up every stored secret (SP private keys, Graph client secrets) that is
 * not sealed under the current master key is opened with the previous key and sealed again under the current one,
 * in one transaction. Once the log reports nothing left to re-seal on every node, the previous key can be dropped.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "MasterKeyCheck"})
public class SecretRotation {

    private static final Logger LOG = ServiceLog.logger(SecretRotation.class);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    ScheduledRuns runs;

    @Inject
    @Any
    Instance<SealedSecrets> kinds;

    @PostConstruct
    void atStartup() {
        // nodes of a cluster starting together: one re-seals (were two to, the second would find nothing left)
        if (!runs.claim("secret-resealing", Duration.ofMinutes(1))) {
            return;
        }
        int resealed = resealAll();
        if (resealed > 0) {
            LOG.info(() -> "Re-sealed " + resealed + " stored secrets under master key " + secrets.currentKeyId()
                    + "; the previous master key can be removed once every node has started with this one.");
        }
    }

    /** @return how many secrets were re-sealed */
    public int resealAll() {
        return resealAll(kinds.stream().toList(), em, secrets);
    }

    /** Re-seals what {@code secrets} does not seal with its current key, in {@code em}'s transaction. */
    public static int resealAll(Collection<? extends SealedSecrets> kinds, EntityManager em, SecretBox secrets) {
        int resealed = 0;
        for (SealedSecrets kind : kinds) {
            for (SealedSecrets.Stored stored : kind.stored(em)) {
                resealed += reseal(secrets, stored);
            }
        }
        return resealed;
    }

    private static int reseal(SecretBox secrets, SealedSecrets.Stored stored) {
        if (secrets.isSealedWithCurrentKey(stored.sealed())) {
            return 0;
        }
        try {
            byte[] secret = secrets.open(stored.sealed(), stored.purpose());
            stored.reseal().accept(secrets.seal(secret, stored.purpose()));
            Arrays.fill(secret, (byte) 0);
            return 1;
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, "The " + stored.description() + " cannot be re-sealed: " + e.getMessage());
            return 0;
        }
    }
}
