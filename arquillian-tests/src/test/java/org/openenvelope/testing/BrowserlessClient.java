package org.openenvelope.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An HTTP client that behaves like a browser for SAML flows: keeps cookies (all of them, also Secure ones over
 * http on loopback) but never follows redirects, so tests can read every hop. One hop it takes as a browser's
 * script would: the ACS's page that posts an answer again from the service's own site (to present the SameSite
 * browser cookie a cross-site POST cannot carry); {@link #postOnce} does not. Its cookie jar sends every cookie
 * on every request, also on a POST from another site's page, except where {@link #postFromAnotherSite} says so.
 */
public final class BrowserlessClient {

    private final LoopbackCookies cookies = new LoopbackCookies();
    private final HttpClient http;

    public BrowserlessClient() {
        this(null);
    }

    /**
     * A client whose HTTP client runs its work on {@code executor} (null: a pool of its own), for load that makes
     * thousands of clients: one shared pool instead of one per client.
     */
    public BrowserlessClient(Executor executor) {
        // HTTP/1.1 as a browser speaks it over plain http (none asks for h2c, Java's client would)
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        if (executor != null) {
            builder.executor(executor);
        }
        http = builder.build();
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A GET with request headers of the caller's, e.g. {@code Authorization}. */
    public HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> post(URI uri, Map<String, String> form) {
        return repostIfAsked(postOnce(uri, form));
    }

    /**
     * A form another site's page posts here (an IdP's answer to the ACS), as a browser sends it: cross-site, so
     * without this site's cookies (all SameSite=Lax or Strict), and marked {@code Sec-Fetch-Site: cross-site}; then,
     * as {@link #post}, the POST of the ACS's re-post page from this site, with them.
     */
    public HttpResponse<String> postFromAnotherSite(URI uri, Map<String, String> form) {
        return repostIfAsked(send(formRequest(uri, form).header(LoopbackCookies.FETCH_SITE, LoopbackCookies.CROSS_SITE)));
    }

    private HttpResponse<String> repostIfAsked(HttpResponse<String> response) {
        Element repost = response.statusCode() == 200 ? Jsoup.parse(response.body()).selectFirst("form:has(input[name=OE_REPOSTED])") : null;
        if (repost == null) {
            return response;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        repost.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        return postOnce(URI.create(repost.attr("action")), fields);
    }

    public HttpResponse<String> postOnce(URI uri, Map<String, String> form) {
        return send(formRequest(uri, form));
    }

    private static HttpRequest.Builder formRequest(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A JSON POST as a page's script sends it: with the cookies, and the page's origin. */
    public HttpResponse<String> postJson(URI uri, String json) {
        return postJson(uri, json, uri);
    }

    /** As {@link #postJson(URI, String)} from a page of the site at {@code origin}, e.g. behind a load balancer. */
    public HttpResponse<String> postJson(URI uri, String json, URI origin) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Origin", origin.getScheme() + "://" + origin.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A cookie the client holds for a host, as a browser would send it. */
    public Optional<String> cookie(String host, String name) {
        return cookies.value(host, name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
