package org.openenvelope.saml;

import jakarta.ejb.EJBException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.saml.validation.ReplayCache;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/**
 * One answer's claim on its assertion's first use. Validation only checks that the assertion is unused; the use is
 * written once the answer's outcome is known: with the sign-in, in its transaction (one commit per sign-in), or,
 * when the sign-in is refused after the assertion was found genuine, on its own after the refusal rolled the
 * sign-in back, so a refused assertion is used up as well.
 */
public final class AssertionUse implements ReplayCache {

    private static final Logger LOG = ServiceLog.logger(AssertionUse.class);

    private final SeenAssertions seen;
    private String key;
    private String assertionId;
    private Instant expiresAt;
    private boolean claimed;

    public AssertionUse(SeenAssertions seen) {
        this.seen = seen;
    }

    @Override
    public boolean firstUse(String issuer, String assertionId, Instant expiresAt) {
        this.key = SeenAssertions.key(issuer, assertionId);
        this.assertionId = assertionId;
        this.expiresAt = expiresAt;
        claimed = !seen.used(key);
        return claimed;
    }

    /**
     * Writes the use in the sign-in's transaction; nothing may refuse the sign-in after it.
     *
     * @throws SamlRejectedException {@code replayed_assertion} when a concurrent answer used it first
     */
    public void record() {
        if (claimed && !seen.record(key, expiresAt)) {
            claimed = false;
            throw new SamlRejectedException(SamlFailure.REPLAYED_ASSERTION,
                    "The Assertion " + assertionId + " was used to sign in at the same moment.");
        }
        claimed = false;
    }

    /**
     * Uses the assertion up after its sign-in was refused, in a transaction of its own (the sign-in's, rolled back,
     * never wrote it, so this waits for no lock of the caller's).
     */
    public void burn() {
        if (!claimed) {
            return;
        }
        claimed = false;
        try {
            seen.burn(key, expiresAt);
        } catch (EJBException concurrentUse) {
            // another answer wrote it meanwhile: used up all the same
            LOG.log(Level.FINE, "Assertion " + assertionId + " was used meanwhile", concurrentUse);
        }
    }
}
