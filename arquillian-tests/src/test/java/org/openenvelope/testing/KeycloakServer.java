package org.openenvelope.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

/**
 * A real, independent SAML IdP for interoperability tests: the Keycloak distribution from Maven Central (unpacked
 * by the build into {@code target/runtime}), started in dev mode on 127.0.0.1 and configured through its admin REST
 * API, as an IdP administrator would configure it.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "keycloak-admin-" + Long.toHexString(System.nanoTime());
    /** A first start builds the distribution first (52 s at most here, on a clean target/): 7x that. */
    private static final Duration STARTUP = Duration.ofMinutes(6);

    /** A server being started in the background for the class that will take it ({@link KeycloakEarlyStart}). */
    private static CompletableFuture<KeycloakServer> early;

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts a server in the background now, while other test classes run; {@link #take()} waits for it. */
    static synchronized void startEarly() {
        if (early != null) {
            return;
        }
        early = new CompletableFuture<>();
        CompletableFuture<KeycloakServer> starting = early;
        Thread starter = new Thread(() -> {
            try {
                starting.complete(start());
            } catch (IOException | RuntimeException e) {
                starting.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                starting.completeExceptionally(e);
            }
        }, "keycloak-early-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** The server started early, waited for, or a new one; the caller closes it. */
    public static KeycloakServer take() throws IOException, InterruptedException {
        CompletableFuture<KeycloakServer> started;
        synchronized (KeycloakServer.class) {
            started = early;
            early = null;
        }
        if (started == null) {
            return start();
        }
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Keycloak did not start", e.getCause());
        }
    }

    /** Closes a server started early that no test class took (a run that skipped it). */
    static void closeUntaken() {
        CompletableFuture<KeycloakServer> untaken;
        synchronized (KeycloakServer.class) {
            untaken = early;
            early = null;
        }
        if (untaken != null) {
            // waits for a start still under way: the JVM would otherwise leave the process behind
            try {
                untaken.get().close();
            } catch (ExecutionException failed) {
                // nothing was started
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts Keycloak from {@code openenvelope.test.keycloak-home} and waits until it answers. */
    public static KeycloakServer start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("openenvelope.test.keycloak-home", "missing"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (run through Maven failsafe)");
        }
        deleteRecursively(home.resolve("data"));
        int[] ports = freePorts(2); // held together while chosen, so the two are never the same
        int port = ports[0];
        Path log = home.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + ports[1])
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Instant started = Instant.now();
        KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + port + "/"));
        server.awaitReady(log, started);
        LOG.info(() -> "Keycloak answered after " + Duration.between(started, Instant.now()).toSeconds() + " s on " + server.base);
        return server;
    }

    private void awaitReady(Path log, Instant started) throws IOException, InterruptedException {
        while (Duration.between(started, Instant.now()).compareTo(STARTUP) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("realms/master")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + STARTUP + ":\n" + Files.readString(log));
    }

    public URI base() {
        return base;
    }

    public String realmUrl(String realm) {
        return base.resolve("realms/" + realm).toString();
    }

    /** The realm's SAML endpoint: SSO and SLO, every binding. */
    public String samlEndpoint(String realm) {
        return realmUrl(realm) + "/protocol/saml";
    }

    public String descriptor(String realm) {
        return send(HttpRequest.newBuilder(URI.create(samlEndpoint(realm) + "/descriptor")).GET(), 200);
    }

    public void createRealm(String realm) {
        admin("POST", "admin/realms", Json.createObjectBuilder().add("realm", realm).add("enabled", true).build(), 201);
    }

    public void createUser(String realm, String username, String email, String password) {
        JsonObject user = Json.createObjectBuilder().add("username", username).add("email", email)
                .add("firstName", "Test").add("lastName", "User").add("enabled", true).add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", password).add("temporary", false)))
                .build();
        admin("POST", "admin/realms/" + realm + "/users", user, 201);
    }

    /**
     * Creates a SAML client the way an IdP administrator imports an SP: Keycloak reads our SP metadata, then the
     * given client attributes are set on top (NameID format, signing and encryption choices).
     *
     * @return the client's internal id, for later changes
     */
    public String importSamlClient(String realm, String spMetadata, Map<String, String> attributes) {
        JsonObject converted = read(send(authorized(HttpRequest.newBuilder(base.resolve("admin/realms/" + realm
                + "/client-description-converter")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(spMetadata))), 200));
        JsonObjectBuilder client = Json.createObjectBuilder(converted);
        JsonObjectBuilder merged = Json.createObjectBuilder(converted.getJsonObject("attributes"));
        attributes.forEach(merged::add);
        client.add("attributes", merged).add("frontchannelLogout", true).add("enabled", true);
        String clientId = converted.getString("clientId");
        admin("POST", "admin/realms/" + realm + "/clients", client.build(), 201);
        return read(admin("GET", "admin/realms/" + realm + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null, 200).replaceFirst("^\\[", "").replaceFirst("]$", ""))
                .getString("id");
    }

    public void updateClientAttributes(String realm, String internalId, Map<String, String> attributes) {
        String path = "admin/realms/" + realm + "/clients/" + internalId;
        JsonObject client = read(admin("GET", path, null, 200));
        JsonObjectBuilder merged = Json.createObjectBuilder(client.getJsonObject("attributes"));
        attributes.forEach(merged::add);
        admin("PUT", path, Json.createObjectBuilder(client).add("attributes", merged).build(), 204);
    }

    /** Adds a protocol mapper to a client; returns its id, for {@link #removeProtocolMapper}. */
    public String addProtocolMapper(String realm, String internalId, JsonObject mapper) {
        String path = "admin/realms/" + realm + "/clients/" + internalId + "/protocol-mappers/models";
        admin("POST", path, mapper, 201);
        return Json.createReader(new StringReader(admin("GET", path, null, 200))).readArray()
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("name").equals(mapper.getString("name")))
                .findFirst().orElseThrow().getString("id");
    }

    public void removeProtocolMapper(String realm, String internalId, String mapperId) {
        admin("DELETE", "admin/realms/" + realm + "/clients/" + internalId + "/protocol-mappers/models/" + mapperId, null, 204);
    }

    private String admin(String method, String path, JsonValue body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(authorized(request), expected);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
        JsonObject token = read(send(HttpRequest.newBuilder(base.resolve("realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), 200));
        return request.header("Authorization", "Bearer " + token.getString("access_token"));
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.request().uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Every run starts with an empty IdP: its dev-mode database from an earlier run knows another admin password. */
    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
