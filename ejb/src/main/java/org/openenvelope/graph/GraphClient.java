package org.openenvelope.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.operations.ServiceMetrics;

/**
 * Microsoft Graph with an account's app registration (client credentials), over the JDK's HTTP client and the
 * container's JSON-P: the token request is one form POST and each Graph call one request, which MSAL4J would wrap in
 * a dozen more libraries (Nimbus, Jackson, json-smart) without doing more of what is needed here.
 *
 * <ul>
 *   <li>Tokens are cached per tenant, client and secret until {@link #REFRESH_MARGIN} before they expire; when many
 *       threads need a new one, one asks and the others wait for its answer.</li>
 *   <li>429 and 503/504 are retried after their {@code Retry-After} (seconds or an HTTP date; without one, a short
 *       growing pause), at most {@code openenvelope.graph.max-retries} times and never waiting longer than
 *       {@code openenvelope.graph.max-retry-after-seconds}; then {@link GraphProblem#THROTTLED}.</li>
 *   <li>At most {@link #MAILBOX_CONCURRENCY} requests are in flight per mailbox, as Exchange Online allows.</li>
 *   <li>Every failure is a {@link GraphException} of a {@link GraphProblem}; tokens and secrets are never logged.</li>
 * </ul>
 * The token authority and the Graph base URL are configurable, for national clouds and for tests.
 */
@ApplicationScoped
public class GraphClient {

    static final long REFRESH_MARGIN = 300;
    static final int MAILBOX_CONCURRENCY = 4;
    private static final Logger LOG = ServiceLog.logger(GraphClient.class);
    private static final String TOKEN_PATH = "/oauth2/v2.0/token";
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final Set<String> ACCESS_DENIED = Set.of("ErrorAccessDenied", "Authorization_RequestDenied",
            "AccessDenied", "ErrorInsufficientPermissionsInAccessToken");
    private static final Set<String> NO_MAILBOX = Set.of("ResourceNotFound", "Request_ResourceNotFound",
            "ErrorInvalidUser", "MailboxNotEnabledForRESTAPI", "MailboxNotSupportedForRESTAPI");

    @Inject
    @ConfigProperty(name = "openenvelope.graph.authority", defaultValue = "https://login.microsoftonline.com")
    String authority;

    @Inject
    @ConfigProperty(name = "openenvelope.graph.base-url", defaultValue = "https://graph.microsoft.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "openenvelope.graph.scope", defaultValue = "https://graph.microsoft.com/.default")
    String scope;

    @Inject
    @ConfigProperty(name = "openenvelope.graph.timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "openenvelope.graph.max-retries", defaultValue = "3")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "openenvelope.graph.max-retry-after-seconds", defaultValue = "60")
    int maxRetryAfterSeconds;

    /** Bytes per request of an attachment upload: a multiple of 320 KiB below Outlook's 4 MB. */
    @Inject
    @ConfigProperty(name = "openenvelope.graph.upload-chunk-bytes", defaultValue = "3932160")
    int uploadChunkBytes;

    @Inject
    Clock clock;

    @Inject
    ServiceMetrics metrics;

    private final Map<String, TokenSlot> tokens = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> mailboxes = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    private static final class TokenSlot {
        final ReentrantLock lock = new ReentrantLock();
        volatile AccessToken token;
    }

    // ---- tokens --------------------------------------------------------------------------------------------

    /** A token for the app, from the cache while it has more than {@link #REFRESH_MARGIN} seconds left. */
    public AccessToken token(AppRegistration app) {
        TokenSlot slot = tokens.computeIfAbsent(app.cacheKey(), key -> new TokenSlot());
        AccessToken cached = slot.token;
        if (cached != null && cached.usableAt(clock.instant(), REFRESH_MARGIN)) {
            return cached;
        }
        slot.lock.lock();
        try {
            cached = slot.token;
            if (cached != null && cached.usableAt(clock.instant(), REFRESH_MARGIN)) {
                return cached;
            }
            AccessToken fresh = requestToken(app);
            slot.token = fresh;
            return fresh;
        } finally {
            slot.lock.unlock();
        }
    }

    /** Asks for a new token at once and reports which of the needed application permissions it carries. */
    public PermissionReport testConnection(AppRegistration app) {
        tokens.remove(app.cacheKey());
        return PermissionReport.of(token(app));
    }

    private AccessToken requestToken(AppRegistration app) {
        String form = "client_id=" + form(app.clientId()) + "&client_secret=" + form(app.clientSecret())
                + "&scope=" + form(scope) + "&grant_type=client_credentials";
        URI uri = URI.create(trimSlash(authority) + "/" + path(app.tenantId()) + TOKEN_PATH);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        for (int attempt = 0; ; attempt++) {
            Instant sent = clock.instant();
            HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                try {
                    return AccessToken.of(json(response.body()), sent);
                } catch (RuntimeException e) {
                    throw new GraphException(GraphProblem.UNEXPECTED, "the token answer could not be read");
                }
            }
            if (retryable(response.statusCode()) && attempt < maxRetries) {
                pause(response, attempt);
                continue;
            }
            throw tokenFailure(response);
        }
    }

    private static GraphException tokenFailure(HttpResponse<String> response) {
        if (response.statusCode() == 429) {
            return new GraphException(GraphProblem.THROTTLED, null);
        }
        if (response.statusCode() >= 500) {
            return new GraphException(GraphProblem.UNAVAILABLE, "the token endpoint answered HTTP " + response.statusCode());
        }
        JsonObject error = jsonOrEmpty(response.body());
        String description = firstLine(error.getString("error_description", ""));
        long code = errorCode(error, description);
        GraphProblem problem;
        if (code == 90002 || code == 900023 || code == 90013) {
            problem = GraphProblem.UNKNOWN_TENANT;
        } else if (code == 700016) {
            problem = GraphProblem.WRONG_CLIENT_ID;
        } else if (code == 7000215) {
            problem = GraphProblem.WRONG_SECRET;
        } else if (code == 7000222) {
            problem = GraphProblem.EXPIRED_SECRET;
        } else if (code == 65001 || code == 650057) {
            problem = GraphProblem.CONSENT_NOT_GRANTED;
        } else {
            problem = GraphProblem.UNEXPECTED;
        }
        return new GraphException(problem, description.isEmpty() ? error.getString("error", "HTTP " + response.statusCode()) : description);
    }

    private static long errorCode(JsonObject error, String description) {
        JsonValue codes = error.get("error_codes");
        if (codes != null && codes.getValueType() == JsonValue.ValueType.ARRAY && !codes.asJsonArray().isEmpty()) {
            return codes.asJsonArray().getJsonNumber(0).longValue();
        }
        Matcher matcher = AADSTS.matcher(description);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    // ---- Graph calls ---------------------------------------------------------------------------------------

    /** {@code GET /v1.0/users/{id|upn}}: the user's id, principal name, mail and display name (User.Read.All). */
    public JsonObject user(AppRegistration app, String idOrUpn) {
        return json(text(call(app, idOrUpn, "GET", "/v1.0/users/" + path(idOrUpn)
                + "?$select=id,userPrincipalName,mail,displayName", null, Set.of(200), "User.Read.All", false)));
    }

    /**
     * The user whose mailbox has the address: {@code GET /v1.0/users/{address}} finds it by user principal name,
     * else {@code $filter=mail eq '…'} by its primary SMTP address (User.Read.All).
     *
     * @throws GraphException {@link GraphProblem#USER_NOT_FOUND} when neither finds one
     */
    public JsonObject mailboxUser(AppRegistration app, String address) {
        try {
            return user(app, address);
        } catch (GraphException e) {
            if (e.problem() != GraphProblem.USER_NOT_FOUND) {
                throw e;
            }
        }
        JsonObject found = json(text(call(app, address, "GET", "/v1.0/users?$filter=" + form("mail eq '"
                + address.replace("'", "''") + "'") + "&$select=id,userPrincipalName,mail,displayName", null,
                Set.of(200), "User.Read.All", false)));
        JsonValue users = found.get("value");
        if (users == null || users.getValueType() != JsonValue.ValueType.ARRAY || users.asJsonArray().isEmpty()) {
            throw new GraphException(GraphProblem.USER_NOT_FOUND, "no user has the mailbox " + address);
        }
        return users.asJsonArray().getJsonObject(0);
    }

    /** {@code GET /v1.0/users/{user}/messages/{id}} with the given {@code $select} (Mail.Read). */
    public JsonObject message(AppRegistration app, String user, String messageId, String select) {
        return json(text(call(app, user, "GET", "/v1.0/users/" + path(user) + "/messages/" + path(messageId)
                + (select == null ? "" : "?$select=" + form(select)), null, Set.of(200), "Mail.Read", true)));
    }

    /**
     * The drafts in the user's mailbox with this Internet Message-ID ({@code $filter=internetMessageId eq '…'},
     * Mail.Read): copies a request made although its answer was lost.
     */
    public List<String> draftsWithMessageId(AppRegistration app, String user, String internetMessageId) {
        JsonObject found = json(text(call(app, user, "GET", "/v1.0/users/" + path(user) + "/messages?$filter="
                + form("internetMessageId eq '" + internetMessageId.replace("'", "''") + "'")
                + "&$select=id,isDraft", null, Set.of(200), "Mail.Read", false)));
        JsonValue messages = found.get("value");
        if (messages == null || messages.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return messages.asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getBoolean("isDraft", false)).map(m -> m.getString("id")).toList();
    }

    /** {@code GET /v1.0/users/{user}/messages/{id}/$value}: the message as MIME (Mail.Read). */
    public byte[] messageMime(AppRegistration app, String user, String messageId) {
        return call(app, user, "GET", "/v1.0/users/" + path(user) + "/messages/" + path(messageId) + "/$value", null,
                Set.of(200), "Mail.Read", true).body();
    }

    /** {@code DELETE /v1.0/users/{user}/messages/{id}} (Mail.ReadWrite); 204 No Content. */
    public void deleteMessage(AppRegistration app, String user, String messageId) {
        call(app, user, "DELETE", "/v1.0/users/" + path(user) + "/messages/" + path(messageId), null, Set.of(204),
                "Mail.ReadWrite", true);
    }

    /**
     * {@code POST /v1.0/users/{user}/messages} with the message as base64 MIME (Content-Type text/plain): a draft in
     * the user's mailbox, as Graph takes MIME of at most 4 MB (Mail.ReadWrite).
     *
     * @return the draft's immutable id
     */
    public String createMessageFromMime(AppRegistration app, String user, byte[] mime) {
        return json(text(call(app, user, "POST", "/v1.0/users/" + path(user) + "/messages",
                HttpRequest.BodyPublishers.ofString(java.util.Base64.getEncoder().encodeToString(mime)), "text/plain",
                Set.of(201), "Mail.ReadWrite", false, false))).getString("id");
    }

    /**
     * {@code POST …/messages/{id}/attachments/createUploadSession} for a file attachment of {@code size} bytes, the
     * way to attach more than the 3 MB a request carries (Mail.ReadWrite).
     *
     * @return the pre-authenticated URL the attachment is put to
     */
    public String createUploadSession(AppRegistration app, String user, String messageId, String name, long size) {
        JsonObject body = Json.createObjectBuilder().add("AttachmentItem", Json.createObjectBuilder()
                .add("attachmentType", "file").add("name", name).add("size", size)).build();
        return json(text(call(app, user, "POST", "/v1.0/users/" + path(user) + "/messages/" + path(messageId)
                + "/attachments/createUploadSession", HttpRequest.BodyPublishers.ofString(body.toString()),
                Set.of(201), "Mail.ReadWrite", true))).getString("uploadUrl");
    }

    /**
     * Puts {@code content} to an upload session's URL in chunks of {@code openenvelope.graph.upload-chunk-bytes}
     * (Outlook takes at most 4 MB per request), each with its {@code Content-Range}. The URL carries its own
     * authorisation: no token is sent with it.
     */
    public void upload(String uploadUrl, byte[] content) {
        URI uri = URI.create(uploadUrl);
        for (int from = 0; from < content.length; ) {
            int to = Math.min(content.length, from + uploadChunkBytes);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content, from, to - from)).build();
            for (int attempt = 0; ; attempt++) {
                HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200 || response.statusCode() == 201) {
                    break;
                }
                if (retryable(response.statusCode()) && attempt < maxRetries) {
                    pause(response, attempt);
                    continue;
                }
                throw graphFailure(response, "Mail.ReadWrite", true);
            }
            from = to;
        }
    }

    /** {@code POST …/messages/{id}/send}: sends a draft as the user (Mail.Send); 202 Accepted. */
    public void sendMessage(AppRegistration app, String user, String messageId) {
        call(app, user, "POST", "/v1.0/users/" + path(user) + "/messages/" + path(messageId) + "/send",
                HttpRequest.BodyPublishers.noBody(), "application/json", Set.of(202), "Mail.Send", true, false);
    }

    /**
     * Whether a message is still a draft ({@code isDraft}); empty when it is gone. Exchange sends one item once: a
     * message that is no draft any more was sent.
     */
    public java.util.Optional<Boolean> isDraft(AppRegistration app, String user, String messageId) {
        try {
            return java.util.Optional.of(message(app, user, messageId, "isDraft").getBoolean("isDraft"));
        } catch (GraphException e) {
            if (e.problem() == GraphProblem.MESSAGE_NOT_FOUND) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    private HttpResponse<byte[]> call(AppRegistration app, String mailbox, String method, String pathAndQuery,
                                      HttpRequest.BodyPublisher body, Set<Integer> expected, String permission,
                                      boolean aboutAMessage) {
        return call(app, mailbox, method, pathAndQuery, body, "application/json", expected, permission, aboutAMessage);
    }

    private HttpResponse<byte[]> call(AppRegistration app, String mailbox, String method, String pathAndQuery,
                                      HttpRequest.BodyPublisher body, String contentType, Set<Integer> expected,
                                      String permission, boolean aboutAMessage) {
        return call(app, mailbox, method, pathAndQuery, body, contentType, expected, permission, aboutAMessage, true);
    }

    /**
     * @param repeatable false for a call Graph may have carried out although it answered 503/504 (a send, a new
     *                   message): only a 429, which Graph answers before doing anything, is tried again; any other
     *                   failure is the caller's to look into
     */
    private HttpResponse<byte[]> call(AppRegistration app, String mailbox, String method, String pathAndQuery,
                                      HttpRequest.BodyPublisher body, String contentType, Set<Integer> expected,
                                      String permission, boolean aboutAMessage, boolean repeatable) {
        Semaphore permits = mailboxes.computeIfAbsent(app.tenantId() + "/" + mailbox.toLowerCase(java.util.Locale.ROOT),
                key -> new Semaphore(MAILBOX_CONCURRENCY, true));
        boolean renewed = false;
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(trimSlash(baseUrl) + pathAndQuery))
                    .timeout(Duration.ofSeconds(timeoutSeconds)).header("Authorization", "Bearer " + token(app).value())
                    .header("Accept", "application/json")
                    // ids that stay the same when Exchange moves a message (Drafts to Sent Items): a resumed flow
                    // finds the message it made
                    .header("Prefer", "IdType=\"ImmutableId\"")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = sendWithin(permits, request.build());
            int status = response.statusCode();
            if (expected.contains(status)) {
                return response;
            }
            if (status == 401 && !renewed) {
                // The cached token was revoked or the clock drifted: one new token, then the answer stands.
                tokens.remove(app.cacheKey());
                renewed = true;
                continue;
            }
            if ((repeatable ? retryable(status) : status == 429) && attempt < maxRetries) {
                pause(response, attempt);
                continue;
            }
            throw graphFailure(response, permission, aboutAMessage);
        }
    }

    private HttpResponse<byte[]> sendWithin(Semaphore permits, HttpRequest request) {
        try {
            if (!permits.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new GraphException(GraphProblem.THROTTLED, "too many requests for this mailbox at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(GraphProblem.UNAVAILABLE, "interrupted");
        }
        try {
            return send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            permits.release();
        }
    }

    private static GraphException graphFailure(HttpResponse<byte[]> response, String permission, boolean aboutAMessage) {
        int status = response.statusCode();
        JsonValue errorValue = jsonOrEmpty(text(response)).get("error");
        JsonObject error = errorValue instanceof JsonObject object ? object : null;
        String code = error == null ? "" : error.getString("code", "");
        String message = error == null ? "HTTP " + status : code + ": " + error.getString("message", "");
        if (status == 429 || ((status == 503 || status == 504) && !code.isEmpty() && code.contains("Throttl"))) {
            return new GraphException(GraphProblem.THROTTLED, message);
        }
        if (status == 403 || ACCESS_DENIED.contains(code)) {
            return new GraphException(GraphProblem.PERMISSION_MISSING, "needs " + permission + "; " + message);
        }
        if (status == 404) {
            return new GraphException(aboutAMessage && "ErrorItemNotFound".equals(code) ? GraphProblem.MESSAGE_NOT_FOUND
                    : NO_MAILBOX.contains(code) || !aboutAMessage ? GraphProblem.USER_NOT_FOUND : GraphProblem.MESSAGE_NOT_FOUND, message);
        }
        if (status >= 500) {
            return new GraphException(GraphProblem.UNAVAILABLE, message);
        }
        return new GraphException(GraphProblem.UNEXPECTED, message);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        String operation = operation(request);
        try {
            HttpResponse<T> response = client().send(request, handler);
            int status = response.statusCode();
            metrics.graphCall(operation, status < 400 ? "ok" : status == 429 ? "throttled" : "failed");
            return response;
        } catch (HttpTimeoutException e) {
            metrics.graphCall(operation, "timeout");
            throw new GraphException(GraphProblem.UNAVAILABLE, "no answer from " + request.uri().getHost()
                    + " within " + timeoutSeconds + " s");
        } catch (IOException e) {
            metrics.graphCall(operation, "unreachable");
            LOG.fine(() -> request.method() + " " + request.uri().getHost() + " failed: " + e);
            throw new GraphException(GraphProblem.UNAVAILABLE, request.uri().getHost() + " cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(GraphProblem.UNAVAILABLE, "interrupted");
        }
    }

    /** What a request does, for metrics: the token endpoint, the Graph API or an attachment upload, by method. */
    private String operation(HttpRequest request) {
        String kind = request.uri().getPath().endsWith(TOKEN_PATH) ? "token"
                : request.uri().toString().startsWith(trimSlash(baseUrl)) ? "graph" : "upload";
        return request.method().toLowerCase(java.util.Locale.ROOT) + "_" + kind;
    }

    private HttpClient client() {
        HttpClient current = http;
        if (current == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                current = http;
            }
        }
        return current;
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 503 || status == 504;
    }

    /** Waits as {@code Retry-After} says, or 1, 2, 4… seconds without it; refuses to wait beyond the bound. */
    private void pause(HttpResponse<?> response, int attempt) {
        Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                .orElse(Duration.ofSeconds(1L << Math.min(attempt, 5)));
        if (wait.compareTo(Duration.ofSeconds(maxRetryAfterSeconds)) > 0) {
            throw new GraphException(GraphProblem.THROTTLED, "Microsoft asked to wait " + wait.toSeconds() + " s");
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(GraphProblem.UNAVAILABLE, "interrupted");
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static java.util.Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        String value = header.strip();
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return java.util.Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static JsonObject jsonOrEmpty(String body) {
        try {
            return json(body);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment; '@' stays as Graph shows user principal names. */
    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
