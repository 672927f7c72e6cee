package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openenvelope.account.Account;
import org.openenvelope.saml.validation.RequestTracker;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/**
 * LogoutRequests we sent and await answers to, in the database so any cluster node can take the answer (sign-in
 * requests are kept in the browser instead: {@link PendingSignIns}).
 */
@ApplicationScoped
public class OutstandingRequests {

    /** How long a user may take at the IdP (second factor included) before the answer is refused. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Clock clock;

    /** A LogoutRequest sent to {@code identityProvider}, whose LogoutResponse may come through any browser. */
    public String rememberLogout(Account account, String identityProvider) {
        return persist(new OutstandingRequest(nextId(), account, RequestPurpose.LOGOUT, identityProvider, now(),
                now().plus(LIFETIME)));
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

    /**
     * Takes the answer to a LogoutRequest of this account sent to {@code identityProvider}, once: of two nodes
     * receiving the same answer, only one succeeds.
     *
     * @throws SamlRejectedException {@code already_used} for a second answer
     */
    public RequestTracker logoutTracker(Account account, String identityProvider) {
        return requestId -> {
            OutstandingRequest request = requestId.length() <= 64 ? em.find(OutstandingRequest.class, requestId) : null;
            if (request == null || !request.getAccount().getId().equals(account.getId())
                    || request.getPurpose() != RequestPurpose.LOGOUT
                    || !identityProvider.equals(request.getIdentityProviderName())) {
                return false;
            }
            if (request.isAnswered()) {
                throw new SamlRejectedException(SamlFailure.ALREADY_USED, "Request " + request.getRequestId()
                        + " was answered already; this Response is a replay or a second answer.");
            }
            return em.createNamedQuery(OutstandingRequest.ANSWER).setParameter("id", requestId)
                    .setParameter("account", account).setParameter("purpose", RequestPurpose.LOGOUT)
                    .setParameter("now", clock.instant()).executeUpdate() == 1;
        };
    }
}
