package org.openenvelope.websafe;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** The user portal's session as its pages show it: who is signed in to which account, and how. */
@Stateless
public class UserPortalSessions {

    @Inject
    WebsafeSessions sessions;

    /** The session the cookie's key opens, while it and its account are active. */
    public Optional<UserPortalSession> current(String sessionKey) {
        return sessions.active(sessionKey).filter(s -> s.getAccount().isActive()).map(s -> new UserPortalSession(
                s.getAccount().getNumber(), s.getAccount().getName(), s.getUser().getFederationId(), s.getNameId(),
                s.getNameIdFormat(), s.getSessionIndex(), s.getStartedAt()));
    }
}
