package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.PortalClient;

/** Portal sign-in and sign-out over HTTP, as a browser does it, and the API's answer without a token. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInHttpIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private PortalClient portal() {
        return new PortalClient(Deployments.loopback(deployed));
    }

    @Test
    @Order(1)
    void protectedPageSendsToSignInAndBackAfterwards() {
        PortalClient portal = portal().open("/admin/audit.xhtml");
        assertTrue(portal.path().startsWith("/login.xhtml?next="), portal.path());

        portal.submit("signin", java.util.Map.of("email", Deployments.adminEmail(),
                "password", Deployments.adminPassword()), "submit");

        assertEquals("/admin/audit.xhtml", portal.path());
    }

    @Test
    @Order(2)
    void sessionIdChangesAtSignIn() {
        PortalClient portal = portal().open("/login.xhtml");
        String before = portal.sessionId().orElseThrow(() -> new AssertionError("the sign-in form opens a session"));

        portal.signIn(Deployments.adminEmail(), Deployments.adminPassword());

        String after = portal.sessionId().orElseThrow();
        assertNotEquals(before, after, "a session id known before sign-in must be worthless afterwards");
        assertTrue(portal.path().startsWith("/admin/"), portal.path());
    }

    @Test
    @Order(3)
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        PortalClient portal = portal().signIn(Deployments.adminEmail(), "not-the-password");
        assertTrue(portal.path().startsWith("/login.xhtml"), portal.path());
        assertEquals(List.of("The email address or password is not correct."), portal.errors());

        PortalClient unknown = portal().signIn("nobody@example.com", "not-the-password");
        assertEquals(portal.errors(), unknown.errors(), "unknown addresses read exactly like wrong passwords");

        assertTrue(portal.open("/admin/audit.xhtml").path().startsWith("/login.xhtml"), "no session was established");
    }

    @Test
    @Order(4)
    void afterSignInOnlyLocalPortalPathsAreFollowed() {
        PortalClient portal = portal().open("/login.xhtml?next=//evil.example/steal");
        portal.submit("signin", java.util.Map.of("email", Deployments.adminEmail(),
                "password", Deployments.adminPassword()), "submit");
        assertFalse(portal.path().contains("evil"), portal.path());
        assertTrue(portal.path().startsWith("/admin/"), portal.path());
    }

    @Test
    @Order(5)
    void signOutEndsTheSession() {
        PortalClient portal = portal().signIn(Deployments.adminEmail(), Deployments.adminPassword());
        assertTrue(portal.path().startsWith("/admin/"), portal.path());

        portal.submit("signout", java.util.Map.of(), "signOut");

        assertTrue(portal.path().startsWith("/login.xhtml"), portal.path());
        assertTrue(portal.text().contains("You are signed out."), portal.text());
        assertTrue(portal.open("/admin/").path().startsWith("/login.xhtml"), "the old session must not work");
    }

    @Test
    @Order(6)
    void pagesCarryBrowserProtections() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Deployments.loopback(deployed).resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        var headers = login.headers();
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null));
        assertEquals("no-store", headers.firstValue("Cache-Control").orElse(null));
        String cookie = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
    }

    @Test
    @Order(7)
    void apiWithoutOrWithAnUnknownTokenIsUnauthorized() {
        ApiClient.Reply none = new ApiClient(Deployments.loopback(deployed), null).get("/api/v1/accounts");
        assertEquals(401, none.status());
        assertEquals("unauthorized", none.json().getString("code"));
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.header("WWW-Authenticate"));

        ApiClient.Reply forged = new ApiClient(Deployments.loopback(deployed),
                "oe_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("/api/v1/accounts");
        assertEquals(401, forged.status());
        assertTrue(forged.header("WWW-Authenticate").contains("invalid_token"));
    }

    /**
     * Last but one: it pauses the administrator's address for strangers. The browser the administrator signed in
     * from before is not held back; an address nobody has is paused just alike, so the answer tells nothing.
     */
    @Test
    @Order(100)
    void repeatedFailuresPauseAnAddressForStrangersButNotForTheAdministratorsOwnBrowser() {
        PortalClient ownBrowser = portal().signIn(Deployments.adminEmail(), Deployments.adminPassword());
        assertTrue(ownBrowser.path().startsWith("/admin/"), ownBrowser.path());
        ownBrowser.submit("signout", java.util.Map.of(), "signOut");

        String nobody = "nobody-" + System.nanoTime() + "@example.com";
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(List.of("The email address or password is not correct."),
                    portal().signIn(Deployments.adminEmail(), "wrong-" + attempt).errors());
            assertEquals(List.of("The email address or password is not correct."),
                    portal().signIn(nobody, "wrong-" + attempt).errors());
        }
        List<String> fifth = portal().signIn(Deployments.adminEmail(), "wrong-5").errors();
        assertTrue(String.join(" ", fifth).contains("paused"), fifth.toString());
        assertEquals(fifth, portal().signIn(nobody, "wrong-5").errors(), "an unknown address is paused just alike");

        PortalClient stranger = portal().signIn(Deployments.adminEmail(), Deployments.adminPassword());
        assertTrue(stranger.path().startsWith("/login.xhtml"), stranger.path());
        assertTrue(String.join(" ", stranger.errors()).contains("Try again in"), stranger.errors().toString());

        ownBrowser.signIn(Deployments.adminEmail(), Deployments.adminPassword());
        assertTrue(ownBrowser.path().startsWith("/admin/"), "the administrator's own browser is let in: "
                + ownBrowser.path() + " " + ownBrowser.errors());
    }

    /** Last: wrong passwords from one network, whatever the addresses, pause that network for a while. */
    @Test
    @Order(101)
    void aNetworkThatKeepsGuessingIsPaused() {
        List<String> errors = List.of();
        for (int attempt = 0; attempt < 40 && !String.join(" ", errors).contains("your network"); attempt++) {
            errors = portal().signIn("guess-" + attempt + "-" + System.nanoTime() + "@example.com", "wrong").errors();
        }
        assertTrue(String.join(" ", errors).contains("Too many wrong sign-ins from your network"), errors.toString());
    }
}
