package org.openenvelope.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Drives the Faces portal over plain HTTP the way a browser without JavaScript would: it keeps cookies, submits
 * forms with their hidden fields (view state) and the pressed button, and follows redirects.
 */
public final class PortalClient {

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    private Document page;
    private URI location;
    private int status;

    public PortalClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private PortalClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The same browser (cookies, the page it shows) talking to another server at {@code otherBase}, e.g. another
     * node of a cluster: its next submit posts the page this one rendered there.
     */
    public PortalClient at(URI otherBase) {
        PortalClient moved = new PortalClient(otherBase, cookies);
        moved.page = page;
        moved.status = status;
        moved.location = location == null ? null : otherBase.resolve(location.getRawPath().substring(1)
                + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
        return moved;
    }

    public PortalClient open(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path)).GET());
    }

    /** Signs in through the sign-in form. */
    public PortalClient signIn(String email, String password) {
        open("/login.xhtml");
        return submit("signin", Map.of("email", email, "password", password), "submit");
    }

    /**
     * Submits form {@code formId}: its current field values, overridden by {@code values} (keyed by the input's id
     * within the form), and the button {@code buttonId}.
     */
    public PortalClient submit(String formId, Map<String, String> values, String buttonId) {
        return post(formId, values, buttonId, null, Map.of());
    }

    /**
     * Submits form {@code formId} like {@link #submit} does, but as a client that edits the request: to
     * {@code action} (a path such as {@code /admin/accounts/details.xhtml?account=12345674}; null for the form's
     * own action), with {@code extraParameters} added to the body under their raw names.
     */
    public PortalClient submitTampered(String formId, Map<String, String> values, String buttonId, String action,
                                       Map<String, String> extraParameters) {
        return post(formId, values, buttonId, action, extraParameters);
    }

    private PortalClient post(String formId, Map<String, String> values, String buttonId, String actionOverride,
                              Map<String, String> extraParameters) {
        Element form = Optional.ofNullable(page.getElementById(formId))
                .orElseThrow(() -> new AssertionError("No form \"" + formId + "\" on " + location + ":\n" + text()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("button")
                    || ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
                continue;
            }
            String value = input.tagName().equals("textarea") ? input.wholeText()
                    : input.tagName().equals("select") ? selected(input) : input.val();
            fields.put(input.attr("name"), value);
        }
        values.forEach((id, value) -> fields.put(nameOf(form, formId + ":" + id), value));
        Element button = Optional.ofNullable(form.getElementById(formId + ":" + buttonId))
                .orElseThrow(() -> new AssertionError("No button \"" + buttonId + "\" in form " + formId));
        fields.put(button.attr("name"), button.val());
        fields.putAll(extraParameters);
        URI action = actionOverride == null ? location.resolve(form.attr("action"))
                : base.resolve(actionOverride.startsWith("/") ? actionOverride.substring(1) : actionOverride);
        if ("multipart/form-data".equalsIgnoreCase(form.attr("enctype"))) {
            // as a browser sends a form with a file input: multipart, an empty file part for each file not chosen
            java.util.Set<String> files = new java.util.HashSet<>(form.select("input[type=file][name]").eachAttr("name"));
            String boundary = "----PortalClient" + java.util.UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append('"')
                    .append(files.contains(name) ? "; filename=\"\"\r\nContent-Type: application/octet-stream" : "")
                    .append("\r\n\r\n").append(value).append("\r\n"));
            body.append("--").append(boundary).append("--\r\n");
            return send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String nameOf(Element form, String id) {
        Element input = form.getElementById(id);
        if (input == null) {
            throw new AssertionError("No input \"" + id + "\" in form");
        }
        return input.attr("name");
    }

    private static String selected(Element select) {
        Element option = select.selectFirst("option[selected]");
        if (option == null) {
            option = select.selectFirst("option");
        }
        return option == null ? "" : option.val();
    }

    private PortalClient send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            location = response.uri();
            page = Jsoup.parse(response.body(), location.toString());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Document page() {
        return page;
    }

    public int status() {
        return status;
    }

    /**
     * The path of the page now shown (after redirects) within the application, with its query: "/admin/" whatever
     * the context root the container gave the application.
     */
    public String path() {
        String contextPath = base.getRawPath().substring(0, base.getRawPath().length() - 1);
        String path = location.getRawPath().startsWith(contextPath + "/")
                ? location.getRawPath().substring(contextPath.length()) : location.getRawPath();
        return path + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    public String text() {
        return page.body() == null ? "" : page.body().text();
    }

    /** Every error message on the page, global and next to fields. */
    public List<String> errors() {
        return page.select(".messages .error, .field-error, li.error").eachText();
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
