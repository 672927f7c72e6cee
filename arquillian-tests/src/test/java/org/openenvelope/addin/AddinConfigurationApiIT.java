package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalSteps;

/** Addin Config steps 2 and 3 over the API: per-domain settings, every mistake named, the manifest revision. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddinConfigurationApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private String addin;
    private String first;
    private String second;

    @BeforeEach
    void accountWithTwoDomains() {
        URI base = Deployments.loopback(deployed);
        api = PortalSteps.serviceApi(base, "Addin");
        String number = ApiSteps.createAccount(api, Fixtures.unique("Addin"));
        first = Fixtures.uniqueDomain();
        second = Fixtures.uniqueDomain();
        ApiSteps.addDomains(api, number, first, second);
        addin = "/api/v1/accounts/" + number + "/addin";
    }

    private static String settings(String encryption, int days, String flagType, String flagValue) {
        return Json.createObjectBuilder().add("encryptionType", encryption).add("rememberPasswordDays", days)
                .add("flagType", flagType).add("flagValue", flagValue).build().toString();
    }

    private JsonObject domain(JsonObject configuration, String name) {
        return configuration.getJsonArray("domains").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("domain").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachDomainHasItsOwnConfigurationAndEveryChangeRaisesTheManifestRevision() {
        JsonObject initial = api.get(addin).json();
        assertEquals(2, initial.getJsonArray("domains").size());
        assertTrue(initial.getJsonArray("domains").stream().noneMatch(d -> d.asJsonObject().getBoolean("configured")),
                "the defaults until configured");

        JsonObject flagged = api.send("PUT", addin + "/domains/" + first, settings("FLAG", 14, "HEADER", "X-Secure-Envelope: yes")).json();
        assertEquals("FLAG", domain(flagged, first).getJsonObject("settings").getString("encryptionType"));
        assertEquals("ENCRYPT", domain(flagged, second).getJsonObject("settings").getString("encryptionType"), "only that domain");
        int revision = flagged.getInt("revision");

        JsonObject all = api.send("PUT", addin + "/domains", settings("ENCRYPT", 0, "SUBJECT", "[secure]")).json();
        assertEquals(revision + 1, all.getInt("revision"), "two domains changed at once are one new revision");
        assertTrue(all.getJsonArray("domains").stream().allMatch(d -> d.asJsonObject().getBoolean("configured")
                && d.asJsonObject().getJsonObject("settings").getInt("rememberPasswordDays") == 0));
        int unchanged = api.send("PUT", addin + "/domains", settings("ENCRYPT", 0, "SUBJECT", "[secure]")).json().getInt("revision");
        assertEquals(all.getInt("revision"), unchanged, "saving the same settings is no new version");
        assertTrue(api.get(addin.replace("/addin", "/audit")).body().contains("addin.domain-configured"));
    }

    @Test
    void everyWrongSettingIsNamedAndADomainOutsideTheProfilesIsRefused() {
        ApiClient.Reply refused = api.send("PUT", addin + "/domains/" + first, settings("FLAG", 45, "HEADER", "Secure Envelope"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("rememberPasswordDays", "flagValue"), refused.json().getJsonArray("problems").stream()
                .map(p -> p.asJsonObject().getString("field")).toList());
        ApiClient.Reply unknownChoice = api.send("PUT", addin + "/domains/" + first, settings("SHRED", 1, "BANNER", "x"));
        assertEquals(List.of("encryptionType", "flagType"), unknownChoice.json().getJsonArray("problems").stream()
                .map(p -> p.asJsonObject().getString("field")).toList());

        ApiClient.Reply foreign = api.send("PUT", addin + "/domains/elsewhere.example", settings("ENCRYPT", 1, "SUBJECT", "[s]"));
        assertEquals(400, foreign.status());
        assertEquals("domain", foreign.json().getString("field"));
        assertTrue(api.get(addin).json().getJsonArray("domains").stream().noneMatch(d -> d.asJsonObject().getBoolean("configured")),
                "nothing was saved");
    }

    @Test
    void theManifestIsRefusedWhileTheServiceIsNotReachedOverHttps() {
        ApiClient.Reply refused = api.send("GET", addin + "/manifest", null, "application/xml");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("openenvelope.base-url"), refused.body());
    }
}
