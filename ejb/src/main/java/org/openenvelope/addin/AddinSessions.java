package org.openenvelope.addin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.security.SessionKeys;
import org.openenvelope.user.AccountUser;

/**
 * Sessions of the Outlook add-in, in the caller's transaction. A session lasts the "remember password" days of the
 * mailbox's domain (Addin Config step 2); with 0 days only {@code openenvelope.addin.unremembered-session-minutes},
 * enough for one message, and the add-in keeps it in memory only.
 */
@ApplicationScoped
public class AddinSessions {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AddinConfigurations configurations;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "openenvelope.addin.unremembered-session-minutes", defaultValue = "15")
    long unrememberedMinutes;

    /** A started session: the key the add-in presents as its bearer token, and the session. */
    public record Started(String token, AddinSession session) {
    }

    public Started start(AccountUser user, EmailAddress mailbox, AuthenticationMethod signedInWith) {
        Instant now = clock.instant();
        int days = settingsFor(user.getAccount(), mailbox).rememberPasswordDays();
        Duration lifetime = days == 0 ? Duration.ofMinutes(unrememberedMinutes) : Duration.ofDays(days);
        String token = SessionKeys.generate();
        AddinSession session = new AddinSession(SessionKeys.digest(token), user, mailbox.value(), signedInWith, now,
                now.plus(lifetime));
        em.persist(session);
        return new Started(token, session);
    }

    /** The session a presented token opens, while it lasts and its account is active. */
    public Optional<AddinSession> active(String token) {
        if (!SessionKeys.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(em.find(AddinSession.class, SessionKeys.digest(token))).filter(s -> s.isActiveAt(now));
    }

    public void end(AddinSession session) {
        em.remove(session);
    }

    /** What the add-in does for the mailbox: its domain's saved settings, else the defaults step 2 shows. */
    public DomainSettings settingsFor(Account account, EmailAddress mailbox) {
        return configurations.of(account).flatMap(c -> c.domain(mailbox.domain().ascii()))
                .map(DomainConfiguration::settings).orElse(DomainSettings.DEFAULT);
    }
}
