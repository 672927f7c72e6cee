package org.openenvelope.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The envelope viewer's calls as a recipient's browser makes them: cookies kept, the page's origin sent, JSON in
 * and out. One client is one browser.
 */
public final class ViewerClient {

    private final URI base;
    private final LoopbackCookies cookies = new LoopbackCookies();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public ViewerClient(URI base) {
        this.base = base;
    }

    public record Answer(int status, String body) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer requestCode(String address, String envelope) {
        return post("sign-in/code", Json.createObjectBuilder().add("address", address).add("envelope", envelope).build());
    }

    public Answer signInMethod(String address, String envelope) {
        return post("sign-in/method", Json.createObjectBuilder().add("address", address).add("envelope", envelope).build());
    }

    public Answer signInWithCode(String address, String code) {
        return post("sign-in/code/verify", Json.createObjectBuilder().add("address", address).add("code", code).build());
    }

    public Answer signInWithPassword(String address, String password) {
        return post("sign-in/password", Json.createObjectBuilder().add("address", address).add("password", password).build());
    }

    /** As the viewer signs in: naming the envelope it opens, whose account decides when wrong passwords pause. */
    public Answer signInWithPassword(String address, String password, String envelope) {
        return post("sign-in/password", Json.createObjectBuilder().add("address", address).add("password", password)
                .add("envelope", envelope).build());
    }

    public Answer register(String address, String envelope) {
        return post("registrations", Json.createObjectBuilder().add("address", address).add("envelope", envelope).build());
    }

    public Answer resetPassword(String address, String envelope) {
        return post("password-resets", Json.createObjectBuilder().add("address", address).add("envelope", envelope).build());
    }

    public Answer key(String envelope) {
        return post("envelopes/" + envelope + "/key", Json.createObjectBuilder().build());
    }

    public Answer reply(String envelope, JsonObject reply) {
        return post("envelopes/" + envelope + "/replies", reply);
    }

    public Answer session() {
        return send(HttpRequest.newBuilder(api("session")).GET());
    }

    public Answer signOut() {
        return send(HttpRequest.newBuilder(api("session")).header("Origin", origin()).DELETE());
    }

    /** A request as another site's page would send it. */
    public Answer postFrom(String origin, String path, JsonObject json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    /** A body streamed without a length (chunked), from the service's own page. */
    public Answer postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json").header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /** A page of the service, as the browser loads it (GET, or a form POST from the service's own page). */
    public HttpResponse<String> page(String method, String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin())
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> cookie(String name) {
        return cookies.value(base.getHost(), name);
    }

    private Answer post(String path, JsonObject json) {
        return postFrom(origin(), path, json);
    }

    private String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private URI api(String path) {
        return base.resolve("api/recipient/v1/" + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
