package org.openenvelope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Set-up steps done through the REST API, as a provisioning system would do them, for HTTP tests that need accounts,
 * domains and users to exist. Each step fails with the service's answer when the API does not create what was asked.
 */
public final class ApiSteps {

    private ApiSteps() {
    }

    /** Creates an account with this name and returns its number. */
    public static String createAccount(ApiClient api, String name) {
        return created(api.post("/api/v1/accounts", Json.createObjectBuilder().add("name", name).build().toString()))
                .getString("number");
    }

    /**
     * Adds the domains to the account's Profiles in one request and verifies each by hand, so that they route sign-in
     * and envelopes; {@code api} must act for a service administrator. Returns the new entries' ids, in order.
     */
    public static List<Long> addDomains(ApiClient api, String number, String... domains) {
        List<Long> ids = addUnverifiedDomains(api, number, domains);
        ids.forEach(id -> {
            ApiClient.Reply verified = api.post("/api/v1/accounts/" + number + "/profiles/" + id + "/verification",
                    "{\"method\":\"ADMINISTRATOR\"}");
            assertEquals(200, verified.status(), verified.toString());
        });
        return ids;
    }

    /** Adds the domains as claims only; returns the new entries' ids, in order. */
    public static List<Long> addUnverifiedDomains(ApiClient api, String number, String... domains) {
        JsonObject added = created(api.post("/api/v1/accounts/" + number + "/profiles", Json.createObjectBuilder()
                .add("type", "DOMAIN").add("values", Json.createArrayBuilder(List.of(domains))).build().toString()));
        return added.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getJsonNumber("id").longValue()).toList();
    }

    /** Adds a user of the account by federation ID and returns the user's id. */
    public static long addUser(ApiClient api, String number, String federationId) {
        return created(api.post("/api/v1/accounts/" + number + "/users",
                Json.createObjectBuilder().add("federationId", federationId).build().toString()))
                .getJsonNumber("id").longValue();
    }

    private static JsonObject created(ApiClient.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }
}
