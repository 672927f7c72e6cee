package org.openenvelope.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openenvelope.operations.ServiceMetrics;

class GraphClientTest {

    private static final List<String> ALL = PermissionReport.REQUIRED;
    private static final String USER = "adele.vance@contoso.example";

    private FakeMicrosoft microsoft;
    private GraphClient graph;
    private Instant now = Instant.parse("2026-12-01T12:00:00Z");

    @BeforeEach
    void start() {
        microsoft = new FakeMicrosoft();
        graph = new GraphClient();
        graph.metrics = new ServiceMetrics();
        graph.authority = microsoft.url();
        graph.baseUrl = microsoft.url();
        graph.scope = "https://graph.microsoft.com/.default";
        graph.timeoutSeconds = 5;
        graph.maxRetries = 3;
        graph.maxRetryAfterSeconds = 60;
        graph.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    private GraphException refused(Runnable call) {
        return assertThrows(GraphException.class, call::run);
    }

    // ---- tokens --------------------------------------------------------------------------------------------

    @Test
    void asksForAClientCredentialsTokenForGraphAndCachesItUntilShortlyBeforeItExpires() {
        microsoft.grantTokens(ALL, 3600);

        AccessToken first = graph.token(microsoft.app());
        assertEquals(first, graph.token(microsoft.app()));
        assertEquals(1, microsoft.tokenRequests());
        LoggedRequest request = microsoft.server().findAll(postRequestedFor(urlPathEqualTo(
                FakeMicrosoft.tokenPath(FakeMicrosoft.TENANT)))).get(0);
        String form = request.getBodyAsString();
        assertTrue(form.contains("grant_type=client_credentials") && form.contains("client_id=" + FakeMicrosoft.CLIENT_ID)
                && form.contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"), form);
        assertEquals(java.util.Set.copyOf(ALL), first.roles());

        now = now.plusSeconds(3600 - GraphClient.REFRESH_MARGIN - 1);
        graph.token(microsoft.app());
        assertEquals(1, microsoft.tokenRequests(), "still good for more than the margin");
        now = now.plusSeconds(2);
        graph.token(microsoft.app());
        assertEquals(2, microsoft.tokenRequests(), "renewed shortly before it expires");
    }

    @Test
    void manyThreadsNeedingATokenAtOnceCauseOneTokenRequest() throws Exception {
        microsoft.server().stubFor(post(urlPathEqualTo(FakeMicrosoft.tokenPath(FakeMicrosoft.TENANT)))
                .willReturn(FakeMicrosoft.token(ALL, 3600).withFixedDelay(400)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AccessToken>> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(pool.submit(() -> graph.token(microsoft.app())));
            }
            for (Future<AccessToken> token : tokens) {
                assertEquals(tokens.get(0).get(), token.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, microsoft.tokenRequests());
    }

    @Test
    void aChangedSecretIsANewCacheEntry() {
        microsoft.grantTokens(ALL, 3600);
        graph.token(microsoft.app());
        graph.token(new AppRegistration(FakeMicrosoft.TENANT, FakeMicrosoft.CLIENT_ID, "another secret"));
        assertEquals(2, microsoft.tokenRequests());
    }

    @Test
    void tokenErrorsAreTypedWithWhatToDoInEntraId() {
        String path = FakeMicrosoft.tokenPath(FakeMicrosoft.TENANT);
        Object[][] cases = {
            {400, "invalid_request", 90002L, "Tenant '" + FakeMicrosoft.TENANT + "' not found.", GraphProblem.UNKNOWN_TENANT},
            {400, "unauthorized_client", 700016L, "Application with identifier 'x' was not found in the directory.", GraphProblem.WRONG_CLIENT_ID},
            {401, "invalid_client", 7000215L, "Invalid client secret provided.", GraphProblem.WRONG_SECRET},
            {401, "invalid_client", 7000222L, "The provided client secret keys for app 'x' are expired.", GraphProblem.EXPIRED_SECRET},
            {400, "invalid_grant", 65001L, "The user or administrator has not consented to use the application.", GraphProblem.CONSENT_NOT_GRANTED},
        };
        for (Object[] c : cases) {
            microsoft.server().resetAll();
            microsoft.server().stubFor(post(urlPathEqualTo(path)).willReturn(
                    FakeMicrosoft.tokenError((int) c[0], (String) c[1], (long) c[2], (String) c[3])));
            GraphException refused = refused(() -> graph.testConnection(microsoft.app()));
            assertEquals(c[4], refused.problem(), refused.getMessage());
            assertTrue(refused.getMessage().contains("AADSTS" + c[2]), "Microsoft's words are kept: " + refused.getMessage());
            assertFalse(refused.getMessage().contains(FakeMicrosoft.SECRET), "never the secret");
        }
        assertFalse(microsoft.app().toString().contains(FakeMicrosoft.SECRET));
    }

    // ---- Test connection -----------------------------------------------------------------------------------

    @Test
    void testConnectionReportsPermissionByPermissionWhatIsGrantedAndWhatToDo() {
        microsoft.grantTokens(List.of("Mail.Read", "Mail.Send"), 3600);

        PermissionReport report = graph.testConnection(microsoft.app());

        assertTrue(report.consentGranted());
        assertFalse(report.allGranted());
        assertEquals(List.of("Mail.Read", "Mail.Send"), report.permissions().stream()
                .filter(PermissionReport.Permission::granted).map(PermissionReport.Permission::name).toList());
        PermissionReport.Permission missing = report.permissions().stream()
                .filter(p -> p.name().equals("User.Read.All")).findFirst().orElseThrow();
        assertTrue(missing.whatToDo().contains("Application permissions → User.Read.All")
                && missing.whatToDo().contains("Grant admin consent"), missing.whatToDo());
    }

    @Test
    void aTokenWithoutAnyApplicationPermissionMeansConsentWasNotGranted() {
        microsoft.grantTokens(List.of(), 3600);
        PermissionReport report = graph.testConnection(microsoft.app());
        assertFalse(report.consentGranted());
        assertTrue(report.permissions().stream().noneMatch(PermissionReport.Permission::granted));
    }

    // ---- Graph calls ---------------------------------------------------------------------------------------

    @Test
    void readsUsersAndMessagesAsJsonAndMime() {
        microsoft.grantTokens(ALL, 3600);
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).withQueryParam("$select",
                equalTo("id,userPrincipalName,mail,displayName")).withHeader("Authorization", com.github.tomakehurst.wiremock
                .client.WireMock.matching("Bearer ey.+")).willReturn(okJson("{\"id\":\"87d349ed\",\"userPrincipalName\":\""
                + USER + "\",\"mail\":\"" + USER + "\",\"displayName\":\"Adele Vance\"}")));
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAMkAD%3D"))
                .withQueryParam("$select", equalTo("subject,toRecipients")).willReturn(okJson(
                        "{\"id\":\"AAMkAD=\",\"subject\":\"Quarterly figures\",\"toRecipients\":[]}")));
        byte[] mime = "From: adele\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\r\n\u00e9".getBytes(StandardCharsets.UTF_8);
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAMkAD%3D/$value"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(mime)));

        assertEquals("Adele Vance", graph.user(microsoft.app(), USER).getString("displayName"));
        assertEquals("Quarterly figures", graph.message(microsoft.app(), USER, "AAMkAD=", "subject,toRecipients")
                .getString("subject"));
        assertArrayEquals(mime, graph.messageMime(microsoft.app(), USER, "AAMkAD="), "MIME byte for byte");
    }

    @Test
    void makesAMessageFromMimeSendsItAndDeletesTheDraftWithImmutableIds() {
        microsoft.grantTokens(ALL, 3600);
        microsoft.server().stubFor(post(urlPathEqualTo("/v1.0/users/" + USER + "/messages"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"AAkALgOut\",\"isDraft\":true}")));
        microsoft.server().stubFor(post(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAkALgOut/send"))
                .willReturn(aResponse().withStatus(202)));
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAkALgOut"))
                .willReturn(okJson("{\"isDraft\":false}")));
        microsoft.server().stubFor(delete(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAMk1"))
                .willReturn(aResponse().withStatus(204)));
        byte[] mime = "Subject: Secure message\r\n\r\nOpen the attachment.\r\n".getBytes(StandardCharsets.US_ASCII);

        String id = graph.createMessageFromMime(microsoft.app(), USER, mime);
        graph.sendMessage(microsoft.app(), USER, id);
        assertEquals(java.util.Optional.of(false), graph.isDraft(microsoft.app(), USER, id), "sent: no draft any more");
        graph.deleteMessage(microsoft.app(), USER, "AAMk1");

        List<LoggedRequest> calls = microsoft.server().findAll(anyRequestedFor(urlPathMatching("/v1\\.0/.*")));
        assertEquals(List.of("POST /v1.0/users/" + USER + "/messages", "POST /v1.0/users/" + USER + "/messages/AAkALgOut/send",
                        "GET /v1.0/users/" + USER + "/messages/AAkALgOut?$select=isDraft",
                        "DELETE /v1.0/users/" + USER + "/messages/AAMk1"),
                calls.stream().map(call -> call.getMethod() + " " + call.getUrl()).toList(), "sent first, then deleted");
        assertEquals("text/plain", calls.get(0).getHeader("Content-Type"), "Graph takes MIME as base64 text");
        assertArrayEquals(mime, java.util.Base64.getDecoder().decode(calls.get(0).getBodyAsString()));
        for (LoggedRequest call : calls) {
            assertTrue(call.getHeader("Authorization").startsWith("Bearer "), "as the app, with its token: " + call);
            assertEquals("IdType=\"ImmutableId\"", call.getHeader("Prefer"), "ids that survive the move to Sent Items");
        }
    }

    @Test
    void aMessageGoneIsNoDraftToAskAbout() {
        microsoft.grantTokens(ALL, 3600);
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAkALgOut"))
                .willReturn(FakeMicrosoft.graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")));
        assertEquals(java.util.Optional.empty(), graph.isDraft(microsoft.app(), USER, "AAkALgOut"));
    }

    @Test
    void anAttachmentIsUploadedInChunksWithTheirRangesAndWithoutTheToken() {
        microsoft.grantTokens(ALL, 3600);
        graph.uploadChunkBytes = 4;
        microsoft.server().stubFor(post(urlPathEqualTo("/v1.0/users/" + USER + "/messages/AAkALgOut/attachments/createUploadSession"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"uploadUrl\":\"" + microsoft.url() + "/up/1\",\"nextExpectedRanges\":[\"0-\"]}")));
        microsoft.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo("/up/1"))
                .willReturn(okJson("{\"nextExpectedRanges\":[]}")));

        String url = graph.createUploadSession(microsoft.app(), USER, "AAkALgOut", "securedoc_1.html", 10);
        graph.upload(url, "0123456789".getBytes(StandardCharsets.US_ASCII));

        LoggedRequest session = microsoft.server().findAll(postRequestedFor(urlPathMatching(".*/createUploadSession"))).get(0);
        assertTrue(equalToJson("{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"securedoc_1.html\",\"size\":10}}")
                .match(session.getBodyAsString()).isExactMatch(), session.getBodyAsString());
        List<LoggedRequest> chunks = microsoft.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .putRequestedFor(urlPathEqualTo("/up/1")));
        assertEquals(List.of("bytes 0-3/10", "bytes 4-7/10", "bytes 8-9/10"),
                chunks.stream().map(c -> c.getHeader("Content-Range")).toList());
        assertEquals("0123456789", chunks.stream().map(LoggedRequest::getBodyAsString).reduce("", String::concat));
        assertTrue(chunks.stream().noneMatch(c -> c.containsHeader("Authorization")), "the URL is its own authorisation");
    }

    @Test
    void graphErrorsAreTypedNamingTheMissingPermission() {
        microsoft.grantTokens(List.of("Mail.Read"), 3600);
        microsoft.server().stubFor(post(urlPathEqualTo("/v1.0/users/" + USER + "/messages/out/send")).willReturn(
                FakeMicrosoft.graphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")));
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/nobody@contoso.example")).willReturn(
                FakeMicrosoft.graphError(404, "Request_ResourceNotFound", "Resource 'nobody@contoso.example' does not exist.")));
        microsoft.server().stubFor(delete(urlPathEqualTo("/v1.0/users/" + USER + "/messages/gone")).willReturn(
                FakeMicrosoft.graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")));
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/ghost@contoso.example/messages/x")).willReturn(
                FakeMicrosoft.graphError(404, "ErrorInvalidUser", "The requested user 'ghost@contoso.example' is invalid.")));

        GraphException denied = refused(() -> graph.sendMessage(microsoft.app(), USER, "out"));
        assertEquals(GraphProblem.PERMISSION_MISSING, denied.problem());
        assertTrue(denied.getMessage().contains("needs Mail.Send") && denied.getMessage().contains("ErrorAccessDenied"),
                denied.getMessage());
        assertEquals(GraphProblem.USER_NOT_FOUND, refused(() -> graph.user(microsoft.app(), "nobody@contoso.example")).problem());
        assertEquals(GraphProblem.MESSAGE_NOT_FOUND, refused(() -> graph.deleteMessage(microsoft.app(), USER, "gone")).problem());
        assertEquals(GraphProblem.USER_NOT_FOUND, refused(() -> graph.message(microsoft.app(), "ghost@contoso.example", "x", null)).problem());
    }

    @Test
    void aRejectedTokenIsRenewedOnceBeforeTheAnswerStands() {
        microsoft.grantTokens(ALL, 3600);
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).inScenario("revoked")
                .whenScenarioStateIs(STARTED).willSetStateTo("renewed")
                .willReturn(FakeMicrosoft.graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.")));
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).inScenario("revoked")
                .whenScenarioStateIs("renewed").willReturn(okJson("{\"id\":\"1\",\"displayName\":\"Adele\"}")));

        assertEquals("Adele", graph.user(microsoft.app(), USER).getString("displayName"));
        assertEquals(2, microsoft.tokenRequests());
    }

    // ---- throttling ----------------------------------------------------------------------------------------

    private void answerThenSucceed(int status, String retryAfter) {
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).inScenario("throttled")
                .whenScenarioStateIs(STARTED).willSetStateTo("calm").willReturn(FakeMicrosoft.graphError(status,
                        "TooManyRequests", "Too many requests").withHeader("Retry-After", retryAfter)));
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).inScenario("throttled")
                .whenScenarioStateIs("calm").willReturn(okJson("{\"id\":\"1\",\"displayName\":\"Adele\"}")));
    }

    private List<LoggedRequest> userRequests() {
        return microsoft.server().findAll(getRequestedFor(urlPathEqualTo("/v1.0/users/" + USER)));
    }

    @Test
    void throttledRequestsAreRetriedAfterTheirRetryAfter() {
        microsoft.grantTokens(ALL, 3600);
        answerThenSucceed(429, "1");

        assertEquals("Adele", graph.user(microsoft.app(), USER).getString("displayName"));

        List<LoggedRequest> requests = userRequests();
        assertEquals(2, requests.size());
        long waited = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 900, "the retry came after Retry-After: " + waited + " ms");
        String counted = exposition();
        assertTrue(counted.contains("openenvelope_graph_calls_total{operation=\"get_graph\",outcome=\"throttled\"} 1.0"),
                counted);
        assertTrue(counted.contains("openenvelope_graph_calls_total{operation=\"get_graph\",outcome=\"ok\"} 1.0"));
        assertTrue(counted.contains("openenvelope_graph_calls_total{operation=\"post_token\",outcome=\"ok\"} 1.0"));
    }

    private String exposition() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            graph.metrics.writeTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aRetryAfterBeyondTheBoundIsNotWaitedFor() {
        microsoft.grantTokens(ALL, 3600);
        answerThenSucceed(429, "120");

        GraphException throttled = refused(() -> graph.user(microsoft.app(), USER));
        assertEquals(GraphProblem.THROTTLED, throttled.problem());
        assertEquals(1, userRequests().size());
    }

    @Test
    void anUnavailableServiceIsRetriedABoundedNumberOfTimes() {
        microsoft.grantTokens(ALL, 3600);
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).willReturn(
                FakeMicrosoft.graphError(503, "serviceNotAvailable", "Service Unavailable").withHeader("Retry-After", "0")));

        assertEquals(GraphProblem.UNAVAILABLE, refused(() -> graph.user(microsoft.app(), USER)).problem());
        assertEquals(1 + graph.maxRetries, userRequests().size());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Duration.ofSeconds(7), GraphClient.retryAfter("7", at).orElseThrow());
        assertEquals(Duration.ofSeconds(30), GraphClient.retryAfter("Tue, 01 Dec 2026 12:00:30 GMT", at).orElseThrow());
        assertEquals(Duration.ZERO, GraphClient.retryAfter("Tue, 01 Dec 2026 11:00:00 GMT", at).orElseThrow());
        assertTrue(GraphClient.retryAfter("soon", at).isEmpty());
    }

    @Test
    void atMostFourRequestsAreInFlightPerMailbox() throws Exception {
        microsoft.grantTokens(ALL, 3600);
        microsoft.server().stubFor(get(urlPathEqualTo("/v1.0/users/" + USER)).willReturn(
                okJson("{\"id\":\"1\",\"displayName\":\"Adele\"}").withFixedDelay(600)));
        graph.token(microsoft.app());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            Supplier<String> call = () -> graph.user(microsoft.app(), USER).getString("displayName");
            for (int i = 0; i < 8; i++) {
                calls.add(call::get);
            }
            for (Future<String> done : pool.invokeAll(calls)) {
                assertEquals("Adele", done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> received = userRequests().stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertEquals(8, received.size());
        assertTrue(received.get(GraphClient.MAILBOX_CONCURRENCY) - received.get(0) >= 500,
                "the fifth request waited for one of the first four to finish: " + received);
    }
}
