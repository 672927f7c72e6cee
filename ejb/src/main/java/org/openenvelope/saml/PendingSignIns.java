package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openenvelope.account.Account;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.validation.RequestTracker;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.security.SecretBox;

/**
 * Sign-in requests awaiting their answers, each sealed (AES-GCM under the master key, bound to its request id) in
 * a cookie of the browser that started it, so a sign-in's start writes nothing and any cluster node can take the
 * answer. The cookie is the binding to that browser (login CSRF: an answer counts only where its request began);
 * that a request was answered is written with the answer, in its transaction, beside the assertions seen
 * ({@link SeenAssertions}), so every request is answered once on every node.
 */
@ApplicationScoped
public class PendingSignIns {

    /** The cookie of a pending request is this followed by the request id. */
    public static final String COOKIE_PREFIX = "OE_SAML_REQ";
    /** How long a user may take at the IdP (second factor included) before the answer is refused. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    /** Keys no assertion's can collide with: an issuer is XML text, which never holds a NUL. */
    private static final String ANSWERED = "\u0000answered request";
    private static final Pattern REQUEST_ID = Pattern.compile("_[0-9a-f]{40}");

    @Inject
    SecretBox secrets;

    @Inject
    Clock clock;

    @EJB
    SeenAssertions seen;

    /**
     * A new request of this account and purpose to the named identity provider, and its cookie.
     *
     * @param send the message that carries the request with the id it is given
     */
    public StartedSignIn start(Account account, RequestPurpose purpose, String identityProvider, String relayState,
                               Long ssoTestId, Function<String, OutgoingMessage> send) {
        String requestId = "_" + IdentifierGenerator.next();
        PendingSignIn pending = new PendingSignIn(requestId, account.getId(), account.getNumber(), purpose,
                identityProvider, relayState, ssoTestId, clock.instant().plus(LIFETIME));
        return new StartedSignIn(send.apply(requestId), COOKIE_PREFIX + requestId,
                secrets.seal(pending.encode(), sealedFor(requestId)));
    }

    /**
     * The request of this account a Response claims to answer (by its unsigned InResponseTo), if this browser
     * started it. The claim is not trusted: it picks how the Response is judged, and the {@link #tracker} of that
     * purpose then takes the answer to the request the signed message names, or the Response is refused.
     *
     * @param cookies this browser's pending-request cookies, by name
     */
    public Optional<PendingSignIn> claimed(String inResponseTo, String accountNumber, Map<String, String> cookies) {
        return open(inResponseTo, cookies).filter(pending -> pending.accountNumber().equals(accountNumber));
    }

    /**
     * Takes the answer to a request of this account and purpose sent to {@code identityProvider}, from the browser
     * that started it (its cookie), once.
     *
     * @throws SamlRejectedException {@code other_browser} when this browser did not start the request;
     *                               {@code already_used} for a second answer
     */
    public RequestTracker tracker(Account account, RequestPurpose purpose, String identityProvider,
                                  Map<String, String> cookies) {
        return requestId -> {
            PendingSignIn pending = open(requestId, cookies).orElseThrow(() -> new SamlRejectedException(
                    SamlFailure.OTHER_BROWSER, "The Response answers request " + requestId + ", which this browser"
                    + " did not start (another browser did, or this one did not keep its cookie" + (cookies.isEmpty()
                    ? "; it presented none)." : ").")));
            if (pending.accountId() != account.getId() || pending.purpose() != purpose
                    || !identityProvider.equals(pending.identityProviderName())
                    || !pending.expiresAt().isAfter(clock.instant())) {
                return false;
            }
            // a second answer finds the mark already written: the primary key refuses it, on every node
            if (!seen.record(SeenAssertions.key(ANSWERED, requestId), pending.expiresAt())) {
                throw alreadyAnswered(pending);
            }
            return true;
        };
    }

    /** @throws SamlRejectedException {@code already_used} when the request was answered before */
    public void requireUnanswered(PendingSignIn pending) {
        if (seen.used(SeenAssertions.key(ANSWERED, pending.requestId()))) {
            throw alreadyAnswered(pending);
        }
    }

    private static SamlRejectedException alreadyAnswered(PendingSignIn pending) {
        return new SamlRejectedException(SamlFailure.ALREADY_USED, "Request " + pending.requestId()
                + " was answered already; this Response is a replay or a second answer.");
    }

    /** The local path the user asked for when the sign-in started. */
    public Optional<String> relayState(String requestId, Map<String, String> cookies) {
        return open(requestId, cookies).map(PendingSignIn::relayState);
    }

    private Optional<PendingSignIn> open(String requestId, Map<String, String> cookies) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            return Optional.empty();
        }
        String sealed = cookies.get(COOKIE_PREFIX + requestId);
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PendingSignIn.decode(requestId, secrets.open(sealed, sealedFor(requestId))));
        } catch (IllegalStateException notOurs) {
            // altered, sealed for another request, or under a master key no longer configured
            return Optional.empty();
        }
    }

    private static String sealedFor(String requestId) {
        return "saml-pending-sign-in:" + requestId;
    }
}
