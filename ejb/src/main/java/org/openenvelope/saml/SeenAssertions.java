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
import org.openenvelope.saml.validation.ReplayCache;

/**
 * The database-backed replay cache: an assertion's first use is committed on its own, at once, so it holds even
 * when the sign-in fails later, and the primary key makes a second use fail on every node of a cluster.
 */
@Stateless
@LocalBean
public class SeenAssertions implements ReplayCache {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean firstUse(String issuer, String assertionId, Instant expiresAt) {
        String key = key(issuer, assertionId);
        if (em.find(SeenAssertion.class, key) != null) {
            return false;
        }
        try {
            em.persist(new SeenAssertion(key, expiresAt));
            em.flush();
            return true;
        } catch (PersistenceException concurrentFirstUse) {
            return false;
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
