package org.openenvelope.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;

/** An account's users by what identifies them, in the caller's transaction. */
@ApplicationScoped
public class AccountUsers {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The user whose federation ID is exactly this one, compared case-sensitively (as the IdP sends it). */
    public Optional<AccountUser> byFederationId(Account account, String federationId) {
        return em.createNamedQuery(AccountUser.BY_FEDERATION_ID, AccountUser.class)
                .setParameter("account", account).setParameter("federationId", federationId)
                .getResultStream().findFirst();
    }

    /** The users whose federation ID is this address in any case. */
    public List<AccountUser> byAddressIgnoringCase(Account account, String lowerCaseAddress) {
        return em.createNamedQuery(AccountUser.BY_ADDRESS_IGNORING_CASE, AccountUser.class)
                .setParameter("account", account).setParameter("address", lowerCaseAddress).getResultList();
    }

    /** How old the recorded sign-in time may get before a sign-in writes it again: one write a minute at most. */
    static final Duration SIGN_IN_TIME_PRECISION = Duration.ofMinutes(1);

    /**
     * Records a sign-in's time without the optimistic lock: one user signing in from several browsers at once must
     * not fail, and an older time never replaces a newer one. Within {@link #SIGN_IN_TIME_PRECISION} of the recorded
     * time nothing is written, so a busy user's sign-ins do not each rewrite their row.
     */
    public void recordSignIn(AccountUser user, Instant now) {
        em.createNamedQuery(AccountUser.RECORD_SIGN_IN).setParameter("id", user.getId()).setParameter("now", now)
                .setParameter("stale", now.minus(SIGN_IN_TIME_PRECISION)).executeUpdate();
    }
}
