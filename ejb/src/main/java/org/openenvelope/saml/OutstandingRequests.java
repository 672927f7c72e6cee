package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.security.SessionKeys;
import org.openenvelope.saml.validation.RequestTracker;

/** Requests we sent and await answers to, in the database so any cluster node can take the answer. */
@ApplicationScoped
public class OutstandingRequests {

    /** How long a user may take at the IdP (second factor included) before the answer is refused. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    /** @param browserKey the starting browser's cookie, whose digest binds the answer to it; null for none */
    public String remember(Account account, RequestPurpose purpose, String relayState, String browserKey) {
        return persist(new OutstandingRequest(nextId(), account, purpose, relayState, digest(browserKey), now(),
                now().plus(LIFETIME)));
    }

    /** A Test SSO run's AuthnRequest, bound to the administrator's browser. */
    public String rememberTest(Account account, SsoTest test, String browserKey) {
        return persist(new OutstandingRequest(nextId(), account, RequestPurpose.SSO_TEST, null, digest(browserKey), now(),
                now().plus(LIFETIME)).forTest(test));
    }

    private String persist(OutstandingRequest request) {
        em.persist(request);
        return request.getRequestId();
    }

    private static String nextId() {
        return "_" + IdentifierGenerator.next();
    }

    private Instant now() {
        return clock.instant();
    }

    private static String digest(String browserKey) {
        return browserKey == null ? null : SessionKeys.digest(browserKey);
    }

    /**
     * The outstanding request of this account a Response claims to answer (by its InResponseTo), answered or not.
     * The claim is not trusted: it picks how the Response is judged, and the {@link #tracker} of that purpose then
     * consumes the request, or the Response is refused.
     */
    public Optional<OutstandingRequest> claimed(String inResponseTo, String accountNumber) {
        if (inResponseTo == null || inResponseTo.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(OutstandingRequest.class, inResponseTo))
                .filter(request -> request.getAccount().getNumber().equals(accountNumber));
    }

    /** Answers are taken atomically: of two nodes receiving the same answer, only one succeeds. */
    public RequestTracker tracker(Account account, RequestPurpose purpose) {
        return requestId -> requestId.length() <= 64 && em.createNamedQuery(OutstandingRequest.ANSWER)
                .setParameter("id", requestId).setParameter("account", account).setParameter("purpose", purpose)
                .setParameter("now", clock.instant()).executeUpdate() == 1;
    }

    /** The local path the user asked for when the sign-in started. */
    public Optional<String> relayState(String requestId) {
        return requestId == null ? Optional.empty()
                : Optional.ofNullable(em.find(OutstandingRequest.class, requestId)).map(OutstandingRequest::getRelayState);
    }
}
