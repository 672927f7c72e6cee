package org.openenvelope.security;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;

/**
 * A kind of secret the service stores sealed under the master key (SP private keys, Microsoft 365 client
 * secrets). Each feature that stores one provides this, so {@link SecretRotation} re-seals every kind without
 * depending on the features.
 */
public interface SealedSecrets {

    /** Every stored secret of this kind, read in {@code em}'s transaction. */
    List<Stored> stored(EntityManager em);

    /**
     * One stored secret: its sealed value, the purpose it is bound to, how to store it sealed again, and what it is
     * in words for the log (never the secret).
     */
    record Stored(String sealed, String purpose, Consumer<String> reseal, String description) {
    }
}
