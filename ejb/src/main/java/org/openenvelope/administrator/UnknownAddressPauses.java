package org.openenvelope.administrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Wrong sign-ins for addresses no administrator has, paused exactly as an administrator's are
 * ({@link SignInBackoff}): so that the answer after five tries tells nobody whether the address exists. Counted in
 * the database, in the sign-in's transaction, as an administrator's failures are, so that on a cluster a guesser
 * spreading tries over the nodes sees the same pauses for both (per node, an unknown address would pause later than
 * a real one and give it away). Rows hold a digest of the address; old ones are purged hourly.
 */
@ApplicationScoped
public class UnknownAddressPauses {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** Until when sign-in for the address is paused; empty when it is not. */
    public Optional<Instant> pausedUntil(String address, Instant now) {
        return Optional.ofNullable(em.find(UnknownAddressPause.class, digest(address)))
                .flatMap(seen -> seen.pausedAt(now));
    }

    /** Counts a failure; the pause it starts, if any. */
    public Optional<Instant> failed(String address, Instant now) {
        String key = digest(address);
        UnknownAddressPause seen = em.find(UnknownAddressPause.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (seen == null) {
            seen = new UnknownAddressPause(key, now);
            em.persist(seen);
        }
        return seen.recordFailure(now);
    }

    /** Forgets addresses not tried since {@code before} and no longer paused; returns how many. */
    public int purge(Instant before) {
        return em.createNamedQuery(UnknownAddressPause.PURGE).setParameter("before", before).executeUpdate();
    }

    static String digest(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
