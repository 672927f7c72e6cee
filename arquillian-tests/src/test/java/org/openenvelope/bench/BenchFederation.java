package org.openenvelope.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.ScriptedIdentityProvider;
import org.openenvelope.testing.SsoSetup;

/**
 * What the load benchmarks share for SSO sign-ins: an account with a domain and users whose identity provider the
 * bench plays itself (a {@link ScriptedIdentityProvider} with a generated key, enabled over the API: draft, passing
 * Test SSO, enable), and the steps of an SP-initiated sign-in. Every step is checked, so that a failing service
 * cannot look fast.
 */
public final class BenchFederation {

    private static final String ID_PREFIX = "_bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final AtomicLong IDS = new AtomicLong();

    private final URI base;
    private final String account;
    private final List<String> users;
    private final ScriptedIdentityProvider idp;
    private final X509Certificate spCertificate;

    private BenchFederation(URI base, String account, List<String> users, ScriptedIdentityProvider idp) {
        this.base = base;
        this.account = account;
        this.users = List.copyOf(users);
        this.idp = idp;
        this.spCertificate = idp.serviceProviderCertificate();
    }

    /**
     * Creates an account named {@code name} (made unique) with a domain and {@code userCount} users of it, and
     * enables the bench's identity provider for it; {@code api} acts for a service administrator.
     */
    public static BenchFederation create(ApiClient api, URI base, String name, int userCount) {
        String account = created(api.post("/api/v1/accounts", "{\"name\":\"" + Fixtures.unique(name) + "\"}"), "account created")
                .json().getString("number");
        String domain = Fixtures.uniqueDomain();
        created(api.post("/api/v1/accounts/" + account + "/profiles", "{\"type\":\"DOMAIN\",\"values\":[\"" + domain + "\"]}"),
                "domain added");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            String user = "load" + (i == 0 ? "" : "-" + i) + "@" + domain;
            created(api.post("/api/v1/accounts/" + account + "/users", "{\"federationId\":\"" + user + "\"}"), "user added");
            users.add(user);
        }
        ScriptedIdentityProvider idp = ScriptedIdentityProvider.enable(api, base, account, users.get(0),
                "https://idp.test.example/sso");
        if (!Boolean.parseBoolean(System.getProperty("bench.sign-requests", "true"))) {
            // as for an IdP that accepts unsigned AuthnRequests: the choice, then Test SSO and Enable again
            ApiClient.Reply unsigned = api.send("PATCH", SsoSetup.path(account, null), "{\"signAuthnRequests\": false}");
            if (unsigned.status() != 200) {
                throw new IllegalStateException("signAuthnRequests=false refused: " + unsigned);
            }
            SsoSetup.runTest(api, base, account, idp.answer());
            SsoSetup.enable(api, account);
        }
        return new BenchFederation(base, account, users, idp);
    }

    public String account() {
        return account;
    }

    public List<String> users() {
        return users;
    }

    public URI loginUrl() {
        return base.resolve("saml/" + account + "/login");
    }

    public URI acsUrl() {
        return acsUrl(base);
    }

    /** The assertion consumer at a server of the service, e.g. one node of a cluster. */
    public URI acsUrl(URI server) {
        return server.resolve("saml/" + account + "/acs");
    }

    /** Starts a sign-in in the browser: GET the start URL, expect the 302 to the IdP; returns the AuthnRequest's ID. */
    public String start(BrowserlessClient browser) {
        return start(browser, base);
    }

    /** Starts a sign-in at a server of the service, e.g. one node of a cluster. */
    public String start(BrowserlessClient browser, URI server) {
        HttpResponse<String> toIdp = browser.get(server.resolve("saml/" + account + "/login"));
        expect(toIdp.statusCode() == 302, "sent to the identity provider", toIdp);
        return ScriptedIdentityProvider.requestId(URI.create(toIdp.headers().firstValue("Location").orElseThrow()));
    }

    /**
     * The identity provider's answer to a request, for one of the users, signed (Response and Assertion), the
     * assertion encrypted to the SP's certificate from its metadata when asked; Base64, as the HTTP-POST binding
     * carries it. The Response's and Assertion's IDs are unique across threads.
     */
    public String answer(String requestId, String user, boolean encrypted) {
        ResponseFixture answer = idp.answer().nameId(NameIdFormats.EMAIL_ADDRESS, user).inResponseTo(requestId)
                .assertionId(ID_PREFIX + "a" + IDS.incrementAndGet());
        String responseId = ID_PREFIX + "r" + IDS.incrementAndGet();
        answer.response(response -> response.setID(responseId));
        if (encrypted) {
            answer.encryptedFor(spCertificate);
        }
        return Base64.getEncoder().encodeToString(answer.build());
    }

    private static ApiClient.Reply created(ApiClient.Reply reply, String what) {
        if (reply.status() != 201) {
            throw new IllegalStateException("Not " + what + ": " + reply);
        }
        return reply;
    }

    public static void expect(boolean condition, String what, HttpResponse<String> response) {
        if (!condition) {
            throw new IllegalStateException("Not " + what + ": HTTP " + response.statusCode() + " "
                    + response.headers().firstValue("Location").map(l -> "to " + l + " ").orElse("")
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
    }
}
