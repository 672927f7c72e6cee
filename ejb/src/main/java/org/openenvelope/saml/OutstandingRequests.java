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
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/** Requests we sent and await answers to, in the database so any cluster node can take the answer. */
@ApplicationScoped
public class OutstandingRequests {

    /** How long a user may take at the IdP (second factor included) before the answer is refused. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param identityProvider the name of the identity provider asked, whose answer alone counts
     * @param browserKey       the starting browser's cookie, whose digest binds the answer to it; null for none
     */
    public String remember(Account account, RequestPurpose purpose, String identityProvider, String relayState,
                           String browserKey) {
        return persist(new OutstandingRequest(nextId(), account, purpose, identityProvider, relayState, digest(browserKey), now(),
                now().plus(LIFETIME)));
    }

    /** A Test SSO run's AuthnRequest, bound to the administrator's browser. */
    public String rememberTest(Account account, SsoTest test, String browserKey) {
        return persist(new OutstandingRequest(nextId(), account, RequestPurpose.SSO_TEST, test.getIdentityProviderName(), null,
                digest(browserKey), now(),
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

    /**
     * Takes the answer to a request of this account and purpose sent to {@code identityProvider}, from the browser
     * that started it. The id is the one the signed message names, which need not be the one {@link #claimed} read
     * from the unsigned envelope: the binding to the identity provider and the browser is checked here, on the
     * request actually answered, so that an answer whose envelope names no request (or another) cannot skip it.
     * Answers are taken atomically: of two nodes receiving the same answer, only one succeeds.
     *
     * @param browserKey the answering browser's cookie; null when none was presented (or for a logout answer)
     * @throws SamlRejectedException {@code other_browser} or {@code already_used} for a request of ours answered
     *                               in the wrong browser or a second time
     */
    public RequestTracker tracker(Account account, RequestPurpose purpose, String identityProvider, String browserKey) {
        return requestId -> {
            OutstandingRequest request = requestId.length() <= 64 ? em.find(OutstandingRequest.class, requestId) : null;
            if (request == null || !request.getAccount().getId().equals(account.getId()) || request.getPurpose() != purpose
                    || !identityProvider.equals(request.getIdentityProviderName())) {
                return false;
            }
            requireAnswerable(request, browserKey);
            return em.createNamedQuery(OutstandingRequest.ANSWER).setParameter("id", requestId)
                    .setParameter("account", account).setParameter("purpose", purpose)
                    .setParameter("now", clock.instant()).executeUpdate() == 1;
        };
    }

    /**
     * Refuses an answer from another browser than the one that started the request, and a second answer.
     *
     * @throws SamlRejectedException {@code other_browser}, {@code already_used}
     */
    public static void requireAnswerable(OutstandingRequest request, String browserKey) {
        if (!request.startedIn(browserKey == null || !SessionKeys.wellFormed(browserKey) ? null : SessionKeys.digest(browserKey))) {
            throw new SamlRejectedException(SamlFailure.OTHER_BROWSER, "The Response answers request "
                    + request.getRequestId() + ", which was started in another browser" + (browserKey == null
                    ? " (this one presented no sign-in cookie)." : "."));
        }
        if (request.isAnswered()) {
            throw new SamlRejectedException(SamlFailure.ALREADY_USED, "Request " + request.getRequestId()
                    + " was answered already; this Response is a replay or a second answer.");
        }
    }

    /** The local path the user asked for when the sign-in started. */
    public Optional<String> relayState(String requestId) {
        return requestId == null ? Optional.empty()
                : Optional.ofNullable(em.find(OutstandingRequest.class, requestId)).map(OutstandingRequest::getRelayState);
    }
}
