package org.openenvelope.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** What the HTTP session remembers about a signed-in administrator: only their id, never credentials. */
public final class SignedInSession {

    static final String ADMINISTRATOR_ID = SignedInSession.class.getName() + ".administratorId";
    static final String MUST_CHANGE_PASSWORD = SignedInSession.class.getName() + ".mustChangePassword";

    private SignedInSession() {
    }

    /**
     * Starts the signed-in session. Security: the session id changes here, so an id planted before sign-in
     * (session fixation) is worthless afterwards.
     */
    static void start(HttpServletRequest request, Caller caller, boolean mustChangePassword) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(ADMINISTRATOR_ID, caller.subjectId());
        session.setAttribute(MUST_CHANGE_PASSWORD, mustChangePassword);
    }

    static Optional<Long> administratorId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((Long) session.getAttribute(ADMINISTRATOR_ID));
    }

    public static boolean mustChangePassword(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE_PASSWORD));
    }

    public static void passwordChanged(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(MUST_CHANGE_PASSWORD);
        }
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
