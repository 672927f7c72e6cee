package org.openenvelope.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalSteps;

/**
 * Addin Config step 1 over the API, against a fake Microsoft (token authority and Graph) on the port the service
 * was configured with: details saved on their own with every wrong value named, the secret never shown again, and
 * Test connection reporting permissions or Microsoft's typed refusal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicrosoftConnectionApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private FakeMicrosoft microsoft;
    private ApiClient api;
    private String connection;

    @BeforeEach
    void start() {
        microsoft = new FakeMicrosoft(Integer.getInteger("openenvelope.test.fake-microsoft-port"));
        URI base = Deployments.loopback(deployed);
        api = PortalSteps.serviceApi(base, "Microsoft 365");
        String number = ApiSteps.createAccount(api, Fixtures.unique("M365"));
        connection = "/api/v1/accounts/" + number + "/microsoft-365";
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    private ApiClient.Reply save(String tenant, String client, String secret) {
        var body = Json.createObjectBuilder().add("tenantId", tenant).add("clientId", client);
        if (secret != null) {
            body.add("clientSecret", secret);
        }
        return api.send("PUT", connection, body.build().toString());
    }

    @Test
    void everyWrongDetailIsNamedAndNothingIsSaved() {
        ApiClient.Reply refused = save("not a tenant", "12345", "");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("tenantId", "clientId", "clientSecret"), refused.json().getJsonArray("problems").stream()
                .map(p -> p.asJsonObject().getString("field")).toList());
        assertFalse(api.get(connection).json().getBoolean("secretSet"));

        ApiClient.Reply secretId = save(FakeMicrosoft.TENANT, FakeMicrosoft.CLIENT_ID, "0b6b6b3e-8d0c-4f7e-9a51-2c3d4e5f6a7b");
        assertEquals(400, secretId.status());
        assertTrue(secretId.body().contains("secret's ID, not its Value"), secretId.body());
        assertFalse(secretId.body().contains("0b6b6b3e-8d0c"), "a refused secret is not echoed");
    }

    @Test
    void theSecretIsSavedOnceAndNeverShownAgain() {
        ApiClient.Reply saved = save(FakeMicrosoft.TENANT, FakeMicrosoft.CLIENT_ID, FakeMicrosoft.SECRET);
        assertEquals(200, saved.status(), saved.body());
        JsonObject shown = api.get(connection).json();
        assertTrue(shown.getBoolean("secretSet"));
        assertEquals("Qx8…", shown.getString("secretHint"));
        assertTrue(shown.containsKey("secretSavedAt"));
        assertFalse(saved.body().contains(FakeMicrosoft.SECRET) || api.get(connection).body().contains(FakeMicrosoft.SECRET));

        // Changing the client ID without a secret keeps the secret.
        String otherClient = "c0ffee00-1f5f-4b8e-9a77-0c1d2e3f4a5b";
        assertEquals(200, save(FakeMicrosoft.TENANT, otherClient, null).status());
        JsonObject kept = api.get(connection).json();
        assertEquals(otherClient, kept.getString("clientId"));
        assertEquals(shown.getString("secretSavedAt"), kept.getString("secretSavedAt"));
        String audit = api.get(connection.replace("/microsoft-365", "/audit")).body();
        assertTrue(audit.contains("microsoft.details-saved") && audit.contains("secret kept"), audit);

        String replacement = "Zy9~replacement-secret-value-0123456789";
        assertEquals(200, save(FakeMicrosoft.TENANT, otherClient, replacement).status());
        String replaced = api.get(connection.replace("/microsoft-365", "/audit")).body();
        assertTrue(replaced.contains("client secret replaced (now Zy9…, was Qx8…)"), replaced);
        assertFalse(replaced.contains(FakeMicrosoft.SECRET) || replaced.contains(replacement),
                "the audit log never holds the secret");
    }

    @Test
    void testConnectionReportsEachPermissionOrMicrosoftsTypedRefusal() {
        assertEquals(409, api.post(connection + "/test", null).status(), "nothing to test before step 1 is saved");
        save(FakeMicrosoft.TENANT, FakeMicrosoft.CLIENT_ID, FakeMicrosoft.SECRET);

        microsoft.grantTokens(PermissionReport.REQUIRED, 3600);
        JsonObject connected = api.post(connection + "/test", null).json();
        assertEquals("CONNECTED", connected.getString("outcome"), connected.toString());
        String form = microsoft.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(FakeMicrosoft.tokenPath(FakeMicrosoft.TENANT)))).get(0).getBodyAsString();
        assertTrue(form.contains("client_secret=Qx8Q%7Efake.secret-value_for%7Etests0123456789"),
                "the service opened the sealed secret for the token request: " + form.replaceAll("client_secret=[^&]*", "client_secret=…"));

        microsoft.server().resetAll();
        microsoft.grantTokens(List.of("Mail.Read", "Mail.Send"), 3600);
        JsonObject missing = api.post(connection + "/test", null).json();
        assertEquals("PERMISSIONS_MISSING", missing.getString("outcome"));
        assertEquals(List.of("Mail.ReadWrite", "User.Read.All"), missing.getJsonArray("permissions").stream()
                .map(jakarta.json.JsonValue::asJsonObject).filter(p -> !p.getBoolean("granted")).map(p -> p.getString("name")).toList());
        assertEquals("PERMISSIONS_MISSING", api.get(connection).json().getString("testOutcome"), "the outcome is kept");

        microsoft.server().resetAll();
        microsoft.server().stubFor(post(urlPathEqualTo(FakeMicrosoft.tokenPath(FakeMicrosoft.TENANT))).willReturn(
                FakeMicrosoft.tokenError(401, "invalid_client", 7000222, "The provided client secret keys for app '"
                        + FakeMicrosoft.CLIENT_ID + "' are expired.")));
        JsonObject expired = api.post(connection + "/test", null).json();
        assertEquals("FAILED", expired.getString("outcome"));
        assertEquals("expired_secret", expired.getString("problem"));
        assertTrue(expired.getString("message").contains("Certificates & secrets"), expired.toString());
    }
}
