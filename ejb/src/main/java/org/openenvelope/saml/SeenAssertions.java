package org.openenvelope.saml;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The database-backed replay cache, used through one {@link AssertionUse} per answer: the primary key makes a
 * second use fail on every node of a cluster.
 */
@Stateless
@LocalBean
public class SeenAssertions {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public boolean used(String key) {
        return em.find(SeenAssertion.class, key) != null;
    }

    /**
     * Writes the use in the caller's transaction, so that a sign-in commits once.
     *
     * @return false when another answer recorded it first (on another node, or after waiting for it to commit)
     */
    public boolean record(String key, Instant expiresAt) {
        try {
            em.persist(new SeenAssertion(key, expiresAt));
            em.flush();
            return true;
        } catch (PersistenceException concurrentUse) {
            return false;
        }
    }

    /** Writes the use of an assertion whose sign-in was refused, after that sign-in's transaction ended. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void burn(String key, Instant expiresAt) {
        if (!used(key)) {
            em.persist(new SeenAssertion(key, expiresAt));
        }
    }

    static String key(String issuer, String assertionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "\n" + assertionId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
