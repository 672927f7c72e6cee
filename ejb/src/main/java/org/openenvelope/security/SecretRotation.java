package org.openenvelope.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openenvelope.graph.MicrosoftConnection;
import org.openenvelope.saml.ServiceProviderKey;

/**
 * Completes a master key rotation: at start-up every stored secret (SP private keys, Graph client secrets) that is
 * not sealed under the current master key is opened with the previous key and sealed again under the current one,
 * in one transaction. Once the log reports nothing left to re-seal on every node, the previous key can be dropped.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class.getName());

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    SecretBox secrets;

    @PostConstruct
    void atStartup() {
        int resealed = resealAll();
        if (resealed > 0) {
            LOG.info(() -> "Re-sealed " + resealed + " stored secrets under master key " + secrets.currentKeyId()
                    + "; the previous master key can be removed once every node has started with this one.");
        }
    }

    /** @return how many secrets were re-sealed */
    public int resealAll() {
        return resealAll(em, secrets);
    }

    /** Re-seals what {@code secrets} does not seal with its current key, in {@code em}'s transaction. */
    public static int resealAll(EntityManager em, SecretBox secrets) {
        int resealed = 0;
        for (ServiceProviderKey key : em.createQuery("select k from ServiceProviderKey k join fetch k.serviceProvider s"
                + " join fetch s.account", ServiceProviderKey.class).getResultList()) {
            resealed += reseal(secrets, key.getEncryptedPrivateKey(), ServiceProviderKey.secretPurpose(key.getServiceProvider()
                    .getAccount()), key::resealPrivateKey, "SP key " + key.getFingerprint());
        }
        for (MicrosoftConnection connection : em.createQuery("select c from MicrosoftConnection c join fetch c.account",
                MicrosoftConnection.class).getResultList()) {
            resealed += reseal(secrets, connection.getSealedSecret(), MicrosoftConnection.secretPurpose(connection.getAccount()),
                    connection::reseal, "Microsoft 365 client secret of account " + connection.getAccount().getNumber());
        }
        return resealed;
    }

    private static int reseal(SecretBox secrets, String sealed, String purpose, Consumer<String> store, String what) {
        if (secrets.isSealedWithCurrentKey(sealed)) {
            return 0;
        }
        try {
            byte[] secret = secrets.open(sealed, purpose);
            store.accept(secrets.seal(secret, purpose));
            java.util.Arrays.fill(secret, (byte) 0);
            return 1;
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, "The " + what + " cannot be re-sealed: " + e.getMessage());
            return 0;
        }
    }
}
