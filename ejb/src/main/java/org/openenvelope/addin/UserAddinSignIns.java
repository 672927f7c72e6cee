package org.openenvelope.addin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openenvelope.account.Account;
import org.openenvelope.user.AccountUser;
import org.openenvelope.user.AddinSignIns;

/** The add-in's sessions and flows of a user, for the Users page and when a user's credentials change or go. */
@ApplicationScoped
public class UserAddinSignIns implements AddinSignIns {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public Map<Long, Long> activePerUser(Account account) {
        return em.createNamedQuery(AddinSession.ACTIVE_PER_USER, Object[].class).setParameter("account", account)
                .setParameter("now", clock.instant()).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> ((Number) row[1]).longValue()));
    }

    @Override
    public int endAll(AccountUser user) {
        List<AddinSession> sessions = em.createNamedQuery(AddinSession.OF_USER, AddinSession.class)
                .setParameter("user", user).getResultList();
        sessions.forEach(em::remove);
        return sessions.size();
    }

    @Override
    public void forget(AccountUser user) {
        endAll(user);
        em.createQuery("select f from EncryptionFlow f where f.user = :user", EncryptionFlow.class)
                .setParameter("user", user).getResultStream().forEach(em::remove);
    }
}
