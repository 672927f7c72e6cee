package org.openenvelope.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the HTTP session remembers about a signed-in administrator: only their id, never credentials. */
public final class SignedInSession {

    static final String ADMINISTRATOR_ID = SignedInSession.class.getName() + ".administratorId";
    static final String MUST_CHANGE_PASSWORD = SignedInSession.class.getName() + ".mustChangePassword";
    static final String MUST_SET_UP_SECOND_FACTOR = SignedInSession.class.getName() + ".mustSetUpSecondFactor";
    static final String AWAITING_SECOND_FACTOR = SignedInSession.class.getName() + ".awaitingSecondFactor";
    /** How long the code page waits after the password, and how many codes it takes, before the password is asked again. */
    static final Duration SECOND_FACTOR_TIME = Duration.ofMinutes(5);
    static final int SECOND_FACTOR_TRIES = 5;

    private SignedInSession() {
    }

    /**
     * Starts the signed-in session. Security: the session id changes here, so an id planted before sign-in
     * (session fixation) is worthless afterwards.
     */
    static void start(HttpServletRequest request, Caller caller, boolean mustChangePassword,
                      boolean mustSetUpSecondFactor) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.removeAttribute(AWAITING_SECOND_FACTOR);
        session.setAttribute(ADMINISTRATOR_ID, caller.subjectId());
        session.setAttribute(MUST_CHANGE_PASSWORD, mustChangePassword);
        session.setAttribute(MUST_SET_UP_SECOND_FACTOR, mustSetUpSecondFactor);
    }

    /**
     * An account administrator the account's identity provider vouched for: no password was asked, so none is to be
     * changed, and the identity provider's own factors stand for the second factor. A new session id.
     */
    public static void startAtIdentityProvider(HttpServletRequest request, long administratorId) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.removeAttribute(AWAITING_SECOND_FACTOR);
        session.removeAttribute(MUST_CHANGE_PASSWORD);
        session.removeAttribute(MUST_SET_UP_SECOND_FACTOR);
        session.setAttribute(ADMINISTRATOR_ID, administratorId);
    }

    /**
     * The password was right and the code is asked next: the session remembers whose, for a few minutes and tries,
     * and signs nobody in yet. A new session id here too.
     */
    static void awaitSecondFactor(HttpServletRequest request, long administratorId, String email, Instant now) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.removeAttribute(ADMINISTRATOR_ID);
        session.setAttribute(AWAITING_SECOND_FACTOR, new AwaitedSecondFactor(administratorId, email,
                now.plus(SECOND_FACTOR_TIME), SECOND_FACTOR_TRIES));
    }

    /** Whose code is awaited, counting this try; empty once the time or the tries are up (the password again, then). */
    static Optional<AwaitedSecondFactor> secondFactorTry(HttpServletRequest request, Instant now) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(AWAITING_SECOND_FACTOR) instanceof AwaitedSecondFactor awaited)) {
            return Optional.empty();
        }
        if (awaited.triesLeft() <= 0 || !now.isBefore(awaited.until())) {
            session.removeAttribute(AWAITING_SECOND_FACTOR);
            return Optional.empty();
        }
        session.setAttribute(AWAITING_SECOND_FACTOR, new AwaitedSecondFactor(awaited.administratorId(), awaited.email(),
                awaited.until(), awaited.triesLeft() - 1));
        return Optional.of(awaited);
    }

    public static boolean awaitingSecondFactor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(AWAITING_SECOND_FACTOR) != null;
    }

    public static boolean mustSetUpSecondFactor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_SET_UP_SECOND_FACTOR));
    }

    public static void secondFactorSetUp(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(MUST_SET_UP_SECOND_FACTOR);
        }
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

    /** Serializable: sessions may be written to disk or shared between nodes. */
    record AwaitedSecondFactor(long administratorId, String email, Instant until, int triesLeft) implements Serializable {
    }
}
