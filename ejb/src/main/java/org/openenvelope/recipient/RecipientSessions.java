package org.openenvelope.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.security.SessionKeys;

/** Recipients' viewer sessions, in the caller's transaction; the database keeps only digests of their keys. */
@ApplicationScoped
public class RecipientSessions {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.session-minutes", defaultValue = "120")
    long sessionMinutes;

    public StartedSession start(String address, RecipientSession.Method method) {
        String key = SessionKeys.generate();
        Instant now = clock.instant();
        em.persist(new RecipientSession(SessionKeys.digest(key), address, method, now, now.plus(Duration.ofMinutes(sessionMinutes))));
        return new StartedSession(key, address, method);
    }

    public Optional<RecipientSession> active(String sessionKey) {
        if (!SessionKeys.wellFormed(sessionKey)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(em.find(RecipientSession.class, SessionKeys.digest(sessionKey))).filter(s -> s.isActiveAt(now));
    }

    public void end(String sessionKey) {
        active(sessionKey).ifPresent(session -> session.end(clock.instant()));
    }

    /** Ends every session of the address: a new password must shut out whoever knew the old one. */
    public void endAll(String address) {
        Instant now = clock.instant();
        em.createNamedQuery(RecipientSession.ACTIVE_FOR, RecipientSession.class).setParameter("address", address)
                .setParameter("now", now).getResultList().forEach(session -> session.end(now));
    }
}
