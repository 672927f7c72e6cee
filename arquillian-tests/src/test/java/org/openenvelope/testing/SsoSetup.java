package org.openenvelope.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.OpenSaml;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * What an account administrator does to turn SSO on, through the API and a browser: save the draft, run Test SSO
 * (the IdP's answer scripted by the test), enable. Each step fails with the service's answer when it is refused.
 */
public final class SsoSetup {

    private SsoSetup() {
    }

    /** The API path of an identity provider of the account: the default's for null, else the named one's. */
    public static String path(String account, String identityProvider) {
        return "/api/v1/accounts/" + account + "/saml/" + (identityProvider == null ? "identity-provider"
                : "identity-providers/" + identityProvider);
    }

    /** Saves the identity provider (JSON of the manual entry) as the account's draft. */
    public static void saveDraft(ApiClient api, String account, String identityProviderJson) {
        saveDraft(api, account, null, identityProviderJson);
    }

    /** Saves the draft of the named identity provider (null: the default), adding it if the name is new. */
    public static void saveDraft(ApiClient api, String account, String identityProvider, String identityProviderJson) {
        ApiClient.Reply reply = api.send("PUT", path(account, identityProvider), identityProviderJson);
        expect(reply.status() == 200, "draft saved", reply.body());
    }

    /** Assigns Profiles entries (domains, addresses) to the named identity provider. */
    public static void assignDomains(ApiClient api, String account, String identityProvider, String... domains) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String domain : domains) {
            list.add(domain);
        }
        ApiClient.Reply reply = api.send("PUT", path(account, identityProvider) + "/domains",
                Json.createObjectBuilder().add("domains", list).build().toString());
        expect(reply.status() == 200, "domains assigned", reply.body());
    }

    /**
     * Runs Test SSO with the draft: opens the test URL and answers the AuthnRequest it sends with {@code answer}
     * (addressed to the account's SP; its InResponseTo is set here), posted to the ACS.
     *
     * @return the test's id
     */
    public static long runTest(ApiClient api, URI base, String account, ResponseFixture answer) {
        return runTest(api, base, account, null, answer);
    }

    /** As {@link #runTest(ApiClient, URI, String, ResponseFixture)}, for the named identity provider's draft. */
    public static long runTest(ApiClient api, URI base, String account, String identityProvider, ResponseFixture answer) {
        ApiClient.Reply started = api.post(path(account, identityProvider) + "/tests", null);
        expect(started.status() == 201, "test started", started.body());
        long id = started.json().getJsonNumber("id").longValue();
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toIdp = browser.get(URI.create(started.json().getString("url")));
        byte[] request;
        if (toIdp.statusCode() == 302) {
            URI location = URI.create(toIdp.headers().firstValue("Location").orElseThrow());
            request = RedirectBinding.decode(location.getRawQuery(), RedirectBinding.SAML_REQUEST).xml();
        } else {
            Element field = Jsoup.parse(toIdp.body()).selectFirst("input[name=SAMLRequest]");
            expect(toIdp.statusCode() == 200 && field != null, "AuthnRequest sent over Redirect or POST", toIdp.body());
            request = Base64.getDecoder().decode(field.val());
        }
        String requestId = ((AuthnRequest) OpenSaml.parse(request)).getID();
        HttpResponse<String> acs = browser.post(base.resolve("saml/" + account + "/acs"), Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(answer.inResponseTo(requestId).build())));
        expect(acs.statusCode() == 303 && acs.headers().firstValue("Location").orElse("").contains("/admin/accounts/sso-test.xhtml"),
                "the ACS sends the administrator to the test result", acs.statusCode() + " " + acs.body());
        return id;
    }

    /** The run's outcome; a failure carries its reason code and diagnosis, so that assertions can show them. */
    public static String outcome(ApiClient api, String account, long testId) {
        jakarta.json.JsonObject test = api.get("/api/v1/accounts/" + account + "/saml/tests/" + testId).json();
        String outcome = test.getString("outcome");
        return outcome.equals("FAILED") ? outcome + " " + test.getString("reasonCode") + ": " + test.getString("diagnosis") : outcome;
    }

    public static void enable(ApiClient api, String account) {
        enable(api, account, null);
    }

    public static void enable(ApiClient api, String account, String identityProvider) {
        ApiClient.Reply reply = api.post(path(account, identityProvider) + "/enable", null);
        expect(reply.status() == 200, "SSO enabled", reply.body());
    }

    /** Draft, passing test, enable: the whole path to SSO in force. */
    public static void enableWithScriptedIdp(ApiClient api, URI base, String account, String identityProviderJson,
                                             ResponseFixture answer) {
        enableWithScriptedIdp(api, base, account, null, identityProviderJson, answer);
    }

    /**
     * The whole path for the named identity provider (null: the default), the Profiles entries it signs in
     * assigned to it after its draft is saved and before the test.
     */
    public static void enableWithScriptedIdp(ApiClient api, URI base, String account, String identityProvider,
                                             String identityProviderJson, ResponseFixture answer, String... domains) {
        saveDraft(api, account, identityProvider, identityProviderJson);
        if (domains.length > 0) {
            assignDomains(api, account, identityProvider, domains);
        }
        long test = runTest(api, base, account, identityProvider, answer);
        String outcome = outcome(api, account, test);
        expect("PASSED".equals(outcome), "Test SSO passed", api.get("/api/v1/accounts/" + account + "/saml/tests/" + test).body());
        enable(api, account, identityProvider);
    }

    private static void expect(boolean condition, String what, String answer) {
        if (!condition) {
            throw new AssertionError("Expected: " + what + "; the service answered: " + answer);
        }
    }
}
