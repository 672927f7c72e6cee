package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.security.SecretBox;

class PendingSignInsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final PendingSignIns pending = pendingAt(NOW);
    private final Account account = account("12345674", 7L);

    private static PendingSignIns pendingAt(Instant now) {
        PendingSignIns pending = new PendingSignIns();
        pending.secrets = new SecretBox(new byte[SecretBox.KEY_BYTES]);
        pending.clock = Clock.fixed(now, ZoneOffset.UTC);
        return pending;
    }

    private static Account account(String number, long id) {
        Account account = new Account(number, "Example Ltd", NOW);
        try {
            Field field = Account.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(account, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return account;
    }

    private StartedSignIn start(RequestPurpose purpose, String relayState) {
        return pending.start(account, purpose, "primary", relayState, null,
                id -> new OutgoingMessage.Redirect("https://idp.example/sso?id=" + id));
    }

    private static String requestId(StartedSignIn started) {
        return started.cookieName().substring(PendingSignIns.COOKIE_PREFIX.length());
    }

    @Test
    void theRequestIsKeptSealedInItsCookieAndReadBackForItsAccountOnly() {
        StartedSignIn started = start(RequestPurpose.SIGN_IN, "/websafe/settings");
        String id = requestId(started);
        assertTrue(id.matches("_[0-9a-f]{40}"), id);
        assertEquals("https://idp.example/sso?id=" + id, ((OutgoingMessage.Redirect) started.message()).url());
        assertFalse(started.cookieValue().contains("websafe") || started.cookieValue().contains("primary"),
                "nothing of the request is readable in the browser");
        Map<String, String> cookies = Map.of(started.cookieName(), started.cookieValue());

        PendingSignIn claimed = pending.claimed(id, "12345674", cookies).orElseThrow();
        assertEquals(RequestPurpose.SIGN_IN, claimed.purpose());
        assertEquals("primary", claimed.identityProviderName());
        assertEquals(7L, claimed.accountId());
        assertEquals(NOW.plus(PendingSignIns.LIFETIME), claimed.expiresAt());
        assertEquals("/websafe/settings", pending.relayState(id, cookies).orElseThrow());
        assertTrue(pending.claimed(id, "87654321", cookies).isEmpty(), "another account's endpoint");
        assertTrue(pending.claimed(null, "12345674", cookies).isEmpty());
    }

    @Test
    void aCookieAlteredOrMovedToAnotherRequestOpensNothing() {
        StartedSignIn started = start(RequestPurpose.SIGN_IN, null);
        StartedSignIn other = start(RequestPurpose.SIGN_IN, null);
        String value = started.cookieValue();
        String altered = value.substring(0, value.length() - 2) + (value.endsWith("A=") ? "B=" : "A=");

        assertTrue(pending.claimed(requestId(started), "12345674", Map.of(started.cookieName(), altered)).isEmpty());
        assertTrue(pending.claimed(requestId(other), "12345674", Map.of(other.cookieName(), value)).isEmpty(),
                "sealed for its own request id");
        PendingSignIns otherKey = pendingAt(NOW);
        byte[] key = new byte[SecretBox.KEY_BYTES];
        key[0] = 1;
        otherKey.secrets = new SecretBox(key);
        assertTrue(otherKey.claimed(requestId(started), "12345674", Map.of(started.cookieName(), value)).isEmpty(),
                "another service's master key");
    }

    @Test
    void anAnswerFromABrowserWithoutTheCookieIsFromAnotherBrowser() {
        StartedSignIn started = start(RequestPurpose.SIGN_IN, null);
        SamlRejectedException refused = assertThrows(SamlRejectedException.class,
                () -> pending.tracker(account, RequestPurpose.SIGN_IN, "primary", Map.of()).consume(requestId(started)));
        assertEquals(SamlFailure.OTHER_BROWSER, refused.failure());
        assertTrue(refused.detail().contains("presented none"), refused.detail());
    }

    @Test
    void anAnswerForAnotherPurposeIdentityProviderAccountOrTooLateIsNoAnswerToTheRequest() {
        StartedSignIn started = start(RequestPurpose.RECIPIENT, null);
        Map<String, String> cookies = new HashMap<>(Map.of(started.cookieName(), started.cookieValue()));
        String id = requestId(started);

        assertFalse(pending.tracker(account, RequestPurpose.SIGN_IN, "primary", cookies).consume(id));
        assertFalse(pending.tracker(account, RequestPurpose.RECIPIENT, "secondary", cookies).consume(id));
        assertFalse(pending.tracker(account("12345674", 8L), RequestPurpose.RECIPIENT, "primary", cookies).consume(id));
        assertFalse(pendingAt(NOW.plus(PendingSignIns.LIFETIME)).tracker(account, RequestPurpose.RECIPIENT, "primary",
                cookies).consume(id), "expired");
    }
}
