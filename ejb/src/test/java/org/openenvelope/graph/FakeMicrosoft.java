package org.openenvelope.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;

/**
 * Microsoft's token authority and Microsoft Graph as WireMock on loopback, answering in their real shapes: the v2.0
 * client-credentials token endpoint (a JWT whose {@code roles} claim lists the granted application permissions, and
 * the AADSTS errors of a wrong tenant, client or secret) and Graph's JSON error bodies.
 */
public final class FakeMicrosoft implements AutoCloseable {

    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String CLIENT_ID = "b2a6e0b7-1f5f-4b8e-9a77-0c1d2e3f4a5b";
    public static final String SECRET = "Qx8Q~fake.secret-value_for~tests0123456789";

    private final WireMockServer server;

    /** On a free port, for tests that configure the client themselves. */
    public FakeMicrosoft() {
        this(0);
    }

    /** On {@code port}, where a running service was told Microsoft is ({@code openenvelope.graph.authority}). */
    public FakeMicrosoft(int port) {
        server = new WireMockServer(port == 0 ? options().dynamicPort().bindAddress("127.0.0.1")
                : options().port(port).bindAddress("127.0.0.1"));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    /** Both the authority ({tenant}/oauth2/v2.0/token) and Graph (/v1.0/…) are served here. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public AppRegistration app() {
        return new AppRegistration(TENANT, CLIENT_ID, SECRET);
    }

    public static String tokenPath(String tenant) {
        return "/" + tenant + "/oauth2/v2.0/token";
    }

    /** Issues app-only tokens carrying {@code roles}, valid for {@code expiresIn} seconds. */
    public void grantTokens(Collection<String> roles, long expiresIn) {
        server.stubFor(post(urlPathEqualTo(tokenPath(TENANT))).willReturn(token(roles, expiresIn)));
    }

    public static ResponseDefinitionBuilder token(Collection<String> roles, long expiresIn) {
        return okJson(Json.createObjectBuilder().add("token_type", "Bearer").add("expires_in", expiresIn)
                .add("ext_expires_in", expiresIn).add("access_token", jwt(roles)).build().toString());
    }

    /** The token endpoint's error answer for an AADSTS code, as Entra ID sends it. */
    public static ResponseDefinitionBuilder tokenError(int status, String error, long aadsts, String text) {
        String description = "AADSTS" + aadsts + ": " + text + " Trace ID: " + UUID.randomUUID()
                + " Correlation ID: " + UUID.randomUUID() + " Timestamp: 2026-12-01 12:00:00Z";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Json.createObjectBuilder().add("error", error).add("error_description", description)
                        .add("error_codes", Json.createArrayBuilder().add(aadsts)).add("timestamp", "2026-12-01 12:00:00Z")
                        .add("trace_id", UUID.randomUUID().toString()).add("correlation_id", UUID.randomUUID().toString())
                        .build().toString());
    }

    /** Graph's error body: {@code {"error":{"code","message","innerError":{…}}}}. */
    public static ResponseDefinitionBuilder graphError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("code", code)
                        .add("message", message).add("innerError", Json.createObjectBuilder()
                                .add("date", "2026-12-01T12:00:00").add("request-id", UUID.randomUUID().toString())
                                .add("client-request-id", UUID.randomUUID().toString()))).build().toString());
    }

    public int tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(tokenPath(TENANT)))).size();
    }

    /** An unsigned JWT in the shape of an Entra ID app-only Graph token. */
    static String jwt(Collection<String> roles) {
        JsonArrayBuilder granted = Json.createArrayBuilder();
        roles.forEach(granted::add);
        String header = Json.createObjectBuilder().add("typ", "JWT").add("alg", "RS256").add("kid", "fake").build().toString();
        String payload = Json.createObjectBuilder().add("aud", "https://graph.microsoft.com")
                .add("iss", "https://sts.windows.net/" + TENANT + "/").add("appid", CLIENT_ID).add("idtyp", "app")
                .add("tid", TENANT).add("roles", granted).build().toString();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(new byte[32]);
    }

    @Override
    public void close() {
        server.stop();
    }
}
