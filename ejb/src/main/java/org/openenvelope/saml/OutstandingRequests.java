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

    public String remember(Account account, RequestPurpose purpose, String relayState) {
        String id = "_" + IdentifierGenerator.next();
        Instant now = clock.instant();
        em.persist(new OutstandingRequest(id, account, purpose, relayState, now, now.plus(LIFETIME)));
        return id;
    }

    /** A Test SSO run's AuthnRequest. */
    public String rememberTest(Account account, SsoTest test) {
        String id = "_" + IdentifierGenerator.next();
        Instant now = clock.instant();
        em.persist(new OutstandingRequest(id, account, RequestPurpose.SSO_TEST, null, now, now.plus(LIFETIME)).forTest(test));
        return id;
    }

    /**
     * The outstanding Test SSO request a Response claims to answer, if it is one of this account. The claim is not
     * trusted: the Response is then validated against the draft, and the request consumed, like any other.
     */
    public Optional<OutstandingRequest> test(String inResponseTo, String accountNumber) {
        return claimed(inResponseTo, accountNumber)
                .filter(request -> request.getPurpose() == RequestPurpose.SSO_TEST && request.getSsoTestId() != null);
    }

    /**
     * What the request of this account a Response claims to answer was for. The claim only picks how the Response
     * is judged; the {@link #tracker} of that purpose then consumes the request, or refuses the Response.
     */
    public Optional<RequestPurpose> claimedPurpose(String inResponseTo, String accountNumber) {
        return claimed(inResponseTo, accountNumber).map(OutstandingRequest::getPurpose);
    }

    private Optional<OutstandingRequest> claimed(String inResponseTo, String accountNumber) {
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
