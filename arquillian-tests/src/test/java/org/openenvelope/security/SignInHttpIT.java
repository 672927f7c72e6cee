package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
import org.jsoup.nodes.Element;
import org.openenvelope.administrator.AuthenticatorCodes;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;

/** Portal sign-in and sign-out over HTTP, as a browser does it, and the API's answer without a token. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInHttpIT {

    private static final String SECOND_FACTOR_PASSWORD = "correct horse battery staple 2fa";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base() {
        return Deployments.loopback(deployed);
    }

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

    /** Error and refusal pages keep no state: a stranger requesting bad addresses makes no session anywhere. */
    @Test
    @Order(8)
    void errorPagesMakeNoSession() {
        BrowserlessClient stranger = new BrowserlessClient();
        HttpResponse<String> missing = stranger.get(base().resolve("no-such-page"));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        HttpResponse<String> unknownAccount = stranger.get(base().resolve("saml/99999997/login"));
        assertEquals(404, unknownAccount.statusCode());
        HttpResponse<String> refused = stranger.post(base().resolve("saml/99999997/acs"),
                Map.of("SAMLResponse", "PHNhbWxwOlJlc3BvbnNlLz4=", "OE_REPOSTED", "1"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Sign-in not possible"), refused.body());
        assertEquals(Optional.empty(), stranger.cookie("127.0.0.1", "JSESSIONID"), "no page made a session");
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

    // Administrators' second factor: setting up an authenticator app from the key the page shows (the test plays
    // the app), signing in with its code or a recovery code, each code once, the account's requirement, the reset.

    @Test
    @Order(10)
    void anAdministratorSetsUpAnAppAndSignsInWithItsCodesEachOnce() {
        PortalClient service = PortalSteps.serviceAdministrator(base());
        String account = PortalSteps.createAccount(service, "Second Factor Co");
        String email = "mfa-" + System.nanoTime() + "@example.com";
        PortalClient admin = PortalSteps.firstSignIn(base(), email,
                PortalSteps.addAdministrator(service, account, email), SECOND_FACTOR_PASSWORD);

        admin.open("/admin/second-factor.xhtml");
        assertTrue(admin.text().contains("Not set up"), admin.text());
        byte[] secret = startSetup(admin);
        admin.submit("setup", Map.of("code", wrongCode(secret)), "confirm");
        assertTrue(admin.errors().stream().anyMatch(e -> e.contains("not the code your app shows now")), admin.errors().toString());
        assertNotNull(admin.page().getElementById("setupKey"), "the set-up goes on after a wrong code");

        long enrolledStep = AuthenticatorCodes.stepAt(Instant.now());
        admin.submit("setup", Map.of("code", AuthenticatorCodes.codeOf(secret, enrolledStep)), "confirm");
        List<String> recoveryCodes = recoveryCodes(admin);
        assertEquals(10, recoveryCodes.size(), recoveryCodes.toString());
        assertTrue(admin.text().contains("Set up"), admin.text());

        // the password alone no longer signs in: the code page follows, and nothing is open before it
        PortalClient next = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        assertTrue(next.path().startsWith("/login-code.xhtml"), next.path());
        assertTrue(next.open("/admin/").path().startsWith("/login.xhtml"), "no session before the code");

        next = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        next.submit("code", Map.of("code", AuthenticatorCodes.codeOf(secret, enrolledStep)), "verify");
        assertTrue(next.path().startsWith("/login-code.xhtml"), "the code of the set-up is used already: " + next.path());
        assertTrue(next.errors().get(0).contains("not right, or it was used already"), next.errors().toString());

        String fresh = AuthenticatorCodes.codeOf(secret, AuthenticatorCodes.stepAt(Instant.now()) + 1);
        next.submit("code", Map.of("code", fresh), "verify");
        assertTrue(next.path().startsWith("/admin/"), next.path());

        PortalClient replay = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        replay.submit("code", Map.of("code", fresh), "verify");
        assertTrue(replay.path().startsWith("/login-code.xhtml"), "a code signs in once: " + replay.path());

        PortalClient recovered = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        recovered.submit("code", Map.of("code", recoveryCodes.get(3).toUpperCase()), "verify");
        assertTrue(recovered.path().startsWith("/admin/"), recovered.path());
        recovered.open("/admin/second-factor.xhtml");
        assertTrue(recovered.text().contains("9 of 10 recovery codes are unused"), recovered.text());

        PortalClient again = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        again.submit("code", Map.of("code", recoveryCodes.get(3)), "verify");
        assertTrue(again.path().startsWith("/login-code.xhtml"), "a recovery code works once: " + again.path());

        ApiClient api = PortalSteps.serviceApi(base(), "second factor audit " + System.nanoTime());
        String trail = api.get("/api/v1/accounts/" + account + "/audit?size=100").body();
        assertTrue(trail.contains("Signed in with password and authenticator code"), trail);
        assertTrue(trail.contains("Signed in with password and recovery code (9 unused left)"), trail);
        assertFalse(trail.contains(fresh) || trail.contains(recoveryCodes.get(3)), "no code in the audit log");
    }

    @Test
    @Order(11)
    void theCodePageGivesUpAfterFiveWrongCodes() {
        PortalClient service = PortalSteps.serviceAdministrator(base());
        String account = PortalSteps.createAccount(service, "Five Tries Co");
        String email = "tries-" + System.nanoTime() + "@example.com";
        PortalClient admin = PortalSteps.firstSignIn(base(), email,
                PortalSteps.addAdministrator(service, account, email), SECOND_FACTOR_PASSWORD);
        byte[] secret = startSetup(admin.open("/admin/second-factor.xhtml"));
        admin.submit("setup", Map.of("code", AuthenticatorCodes.codeOf(secret,
                AuthenticatorCodes.stepAt(Instant.now()))), "confirm");

        PortalClient guessing = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        for (int i = 0; i < 5; i++) {
            guessing.submit("code", Map.of("code", wrongCode(secret)), "verify");
            assertTrue(guessing.path().startsWith("/login-code.xhtml"), guessing.path());
        }
        guessing.submit("code", Map.of("code", AuthenticatorCodes.codeOf(secret,
                AuthenticatorCodes.stepAt(Instant.now()) + 1)), "verify");
        assertTrue(guessing.path().startsWith("/login.xhtml"), "the password again after five wrong codes: "
                + guessing.path());
        assertTrue(guessing.text().contains("The time or the tries for the code are up"), guessing.text());
    }

    @Test
    @Order(12)
    void anAccountThatRequiresASecondFactorHasItSetUpBeforeAnythingElseAndCanResetIt() {
        PortalClient service = PortalSteps.serviceAdministrator(base());
        String account = PortalSteps.createAccount(service, "Required Factor Co");
        ApiClient api = PortalSteps.serviceApi(base(), "second factor policy " + System.nanoTime());

        ApiClient.Reply noIdp = api.send("PUT", "/api/v1/accounts/" + account + "/administrator-sign-in",
                "{\"secondFactorRequired\": true, \"identityProviderSignIn\": true}");
        assertEquals(400, noIdp.status(), noIdp.body());
        assertTrue(noIdp.body().contains("identityProviderSignIn") && noIdp.body().contains("no identity provider"),
                noIdp.body());
        assertEquals(400, api.send("PUT", "/api/v1/accounts/" + account + "/administrator-sign-in",
                "{\"secondFactorRequired\": true}").status(), "both switches are required");

        JsonObject policy = api.send("PUT", "/api/v1/accounts/" + account + "/administrator-sign-in",
                "{\"secondFactorRequired\": true, \"identityProviderSignIn\": false}").json();
        assertTrue(policy.getBoolean("secondFactorRequired"));
        assertFalse(policy.getBoolean("requiredServiceWide"));

        String email = "required-" + System.nanoTime() + "@example.com";
        PortalClient admin = PortalSteps.firstSignIn(base(), email,
                PortalSteps.addAdministrator(service, account, email), SECOND_FACTOR_PASSWORD);
        assertTrue(admin.path().startsWith("/admin/second-factor.xhtml"), admin.path());
        assertTrue(admin.text().contains("A second factor is required for your sign-in"), admin.text());
        assertTrue(admin.open("/admin/accounts/groups.xhtml?account=" + account).path()
                .startsWith("/admin/second-factor.xhtml"), "nothing else before the set-up");
        assertTrue(admin.page().getElementById("remove:remove") == null, "no removal while required");

        byte[] secret = startSetup(admin);
        admin.submit("setup", Map.of("code", AuthenticatorCodes.codeOf(secret,
                AuthenticatorCodes.stepAt(Instant.now()))), "confirm");
        assertEquals(10, recoveryCodes(admin).size());

        // another app replaces this one only with the password too
        byte[] replacing = startSetup(admin.open("/admin/second-factor.xhtml"));
        admin.submit("setup", Map.of("code", AuthenticatorCodes.codeOf(replacing,
                AuthenticatorCodes.stepAt(Instant.now()))), "confirm");
        assertTrue(String.join(" ", admin.errors()).contains("Enter your password to replace"), admin.errors().toString());
        admin.submit("setup", Map.of("code", AuthenticatorCodes.codeOf(replacing, AuthenticatorCodes.stepAt(Instant.now())),
                "password", SECOND_FACTOR_PASSWORD), "confirm");
        assertEquals(10, recoveryCodes(admin).size(), admin.errors().toString());

        assertTrue(admin.open("/admin/accounts/groups.xhtml?account=" + account).path()
                .startsWith("/admin/accounts/groups.xhtml"), admin.path());
        admin.submit("administratorList", Map.of(), "list:0:resetSecondFactor");
        assertTrue(String.join(" ", admin.errors()).contains("Another administrator resets your second factor"),
                "nobody resets their own: " + admin.errors());
        Element row = admin.page().select("tr:contains(" + email + ")").first();
        assertNotNull(row, admin.text());
        assertTrue(row.text().contains("Authenticator app"), row.text());

        JsonObject listed = api.get("/api/v1/accounts/" + account + "/administrators?q=" + email).json()
                .getJsonArray("items").getJsonObject(0);
        assertTrue(listed.getBoolean("secondFactor"), listed.toString());
        JsonObject reset = api.delete("/api/v1/accounts/" + account + "/administrators/"
                + listed.getJsonNumber("id").longValue() + "/second-factor").json();
        assertFalse(reset.getBoolean("secondFactor"), reset.toString());
        assertEquals(409, api.delete("/api/v1/accounts/" + account + "/administrators/"
                + listed.getJsonNumber("id").longValue() + "/second-factor").status(), "nothing left to reset");

        PortalClient afterReset = new PortalClient(base()).signIn(email, SECOND_FACTOR_PASSWORD);
        assertTrue(afterReset.path().startsWith("/admin/second-factor.xhtml"),
                "the password, then a new app at once: " + afterReset.path());
    }

    /** Starts the set-up and reads the key the page shows, as a person types it into an app that cannot scan. */
    private static byte[] startSetup(PortalClient admin) {
        admin.submit("begin", Map.of(), "start");
        Element key = admin.page().getElementById("setupKey");
        assertNotNull(key, admin.text());
        assertNotNull(admin.page().selectFirst("svg.qr path"), "a QR code to scan");
        return AuthenticatorCodes.fromTyped(key.text());
    }

    private static List<String> recoveryCodes(PortalClient admin) {
        Element codes = admin.page().getElementById("recoveryCodes");
        assertNotNull(codes, admin.text());
        return Arrays.stream(codes.wholeText().split("\\s+")).filter(code -> !code.isBlank()).toList();
    }

    /** A code of none of the steps around now. */
    private static String wrongCode(byte[] secret) {
        long now = AuthenticatorCodes.stepAt(Instant.now());
        List<String> valid = List.of(AuthenticatorCodes.codeOf(secret, now - 1), AuthenticatorCodes.codeOf(secret, now),
                AuthenticatorCodes.codeOf(secret, now + 1), AuthenticatorCodes.codeOf(secret, now + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    /**
     * One administrator signing in from several browsers at the same moment: every sign-in succeeds (none fails on
     * another's commit), and wrong passwords sent at once are each counted, so guessing in parallel gains nothing.
     */
    @Test
    @Order(10)
    void concurrentSignInsOfOneAdministratorAllSucceedAndConcurrentFailuresAllCount() throws Exception {
        PortalClient service = PortalSteps.serviceAdministrator(base());
        String account = PortalSteps.createAccount(service, "Concurrent Sign-in Corporation");
        String email = "concurrent-" + System.nanoTime() + "@example.com";
        String password = "concurrent sign-ins chosen password";
        PortalSteps.firstSignIn(base(), email, PortalSteps.addAdministrator(service, account, email), password);

        for (PortalClient browser : atOnce(6, attempt -> portal().signIn(email, password))) {
            assertEquals(200, browser.status(), browser.path() + " " + browser.errors());
            assertTrue(browser.path().startsWith("/admin/"), browser.path() + " " + browser.errors());
        }
        for (PortalClient browser : atOnce(4, attempt -> portal().signIn(email, "wrong-" + attempt))) {
            assertEquals(200, browser.status(), browser.errors().toString());
            assertEquals(List.of("The email address or password is not correct."), browser.errors());
        }
        List<String> fifth = portal().signIn(email, "wrong-5").errors();
        assertTrue(String.join(" ", fifth).contains("paused"), "the four failures sent at once all count: " + fifth);
        // the later tests need this network's allowance of failures (one back every 3 s here, failsafe's setting)
        Thread.sleep(16_000);
    }

    private static List<PortalClient> atOnce(int browsers, IntFunction<PortalClient> signIn)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(browsers);
        try {
            CountDownLatch ready = new CountDownLatch(browsers);
            List<Future<PortalClient>> running = new ArrayList<>();
            for (int i = 0; i < browsers; i++) {
                int attempt = i;
                running.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return signIn.apply(attempt);
                }));
            }
            List<PortalClient> done = new ArrayList<>();
            for (Future<PortalClient> browser : running) {
                done.add(browser.get(2, TimeUnit.MINUTES));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
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
