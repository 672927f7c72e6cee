package org.openenvelope.websafe;

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
import org.openenvelope.user.AccountUser;

/**
 * User-portal sessions, however the user signed in (SSO or password), in the caller's transaction. The browser
 * holds a random key; the database only its SHA-256 digest, so a leaked table opens no session.
 */
@ApplicationScoped
public class WebsafeSessions {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    /** How long a user-portal session may last at most, whatever the IdP allows. */
    @Inject
    @ConfigProperty(name = "openenvelope.websafe.session-max-minutes", defaultValue = "480")
    long sessionMaxMinutes;

    /**
     * Starts a session for a user the named identity provider signed in; it ends at {@code idpLimit} if the IdP set
     * an earlier one.
     */
    public String startFederated(AccountUser user, String identityProvider, FederatedSession federated, Instant idpLimit) {
        Instant now = clock.instant();
        Instant maximum = now.plus(Duration.ofMinutes(sessionMaxMinutes));
        Instant expiry = idpLimit != null && idpLimit.isBefore(maximum) ? idpLimit : maximum;
        return start(digest -> new WebsafeSession(digest, user, identityProvider, federated.nameId(), federated.nameIdFormat(),
                federated.nameQualifier(), federated.spNameQualifier(), federated.sessionIndex(), now, expiry));
    }

    /** Starts a session for a user who gave their password. */
    public String startWithPassword(AccountUser user) {
        Instant now = clock.instant();
        return start(digest -> WebsafeSession.withPassword(digest, user, now, now.plus(Duration.ofMinutes(sessionMaxMinutes))));
    }

    private String start(java.util.function.Function<String, WebsafeSession> session) {
        String sessionKey = SessionKeys.generate();
        em.persist(session.apply(SessionKeys.digest(sessionKey)));
        return sessionKey;
    }

    /** The session the key opens, while it is active. */
    public Optional<WebsafeSession> active(String sessionKey) {
        if (!SessionKeys.wellFormed(sessionKey)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // every caller asks about the account and the user too: one query, not three
        return em.createNamedQuery(WebsafeSession.BY_KEY_WITH_ACCOUNT_AND_USER, WebsafeSession.class)
                .setParameter("key", SessionKeys.digest(sessionKey)).getResultStream().findFirst()
                .filter(s -> s.isActiveAt(now));
    }
}
