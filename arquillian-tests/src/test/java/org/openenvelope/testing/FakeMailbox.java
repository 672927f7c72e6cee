package org.openenvelope.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.openenvelope.graph.FakeMicrosoft;
import org.openenvelope.graph.PermissionReport;

/**
 * One Microsoft 365 mailbox as Microsoft Graph shows it to an app with the add-in's four permissions, on
 * {@link FakeMicrosoft}: the user found by address, a saved draft as MIME, messages made from MIME with immutable
 * ids, attachment upload sessions, send, the sent message no longer a draft, delete. Each call answers once as
 * Graph does; a test may put a refusal or a pause before any of them ({@link #first}).
 */
public final class FakeMailbox {

    // Graph's ids end in '=' (base64), which the service sends percent-encoded; these do without, to keep paths plain
    public static final String DRAFT = "AAMkAGI2TG93AAA";
    public static final String OUTGOING = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AimmutableOutgoing";

    private final FakeMicrosoft microsoft;
    private final String userId = UUID.randomUUID().toString();
    private final String address;

    /** The mailbox {@code address} (its primary SMTP address), whose owner's user principal name is {@code principal}. */
    public FakeMailbox(FakeMicrosoft microsoft, String address, String principal, byte[] draftMime) {
        this.microsoft = microsoft;
        this.address = address;
        microsoft.grantTokens(PermissionReport.REQUIRED, 3600);
        stub(get(urlPathEqualTo("/v1.0/users/" + address)), okJson(Json.createObjectBuilder().add("id", userId)
                .add("userPrincipalName", principal).add("mail", address).add("displayName", "Sender").build().toString()));
        stub(get(urlPathEqualTo(messages() + "/" + DRAFT)), okJson("{\"id\":\"" + DRAFT + "\",\"isDraft\":true}"));
        stub(get(urlPathEqualTo(messages() + "/" + DRAFT + "/$value")), aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(draftMime));
        stub(post(urlPathEqualTo(messages())), aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(Json.createObjectBuilder().add("id", OUTGOING).add("isDraft", true).build().toString()));
        stub(post(urlPathEqualTo(messages() + "/" + OUTGOING + "/attachments/createUploadSession")),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(Json.createObjectBuilder()
                        .add("uploadUrl", microsoft.url() + "/upload/" + userId)
                        .add("expirationDateTime", "2030-01-01T00:00:00Z")
                        .add("nextExpectedRanges", Json.createArrayBuilder().add("0-")).build().toString()));
        stub(put(urlPathEqualTo("/upload/" + userId)), aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"expirationDateTime\":\"2030-01-01T00:00:00Z\",\"nextExpectedRanges\":[]}"));
        stub(post(urlPathEqualTo(messages() + "/" + OUTGOING + "/send")), aResponse().withStatus(202));
        stub(get(urlPathEqualTo(messages() + "/" + OUTGOING)), okJson("{\"id\":\"" + OUTGOING + "\",\"isDraft\":false}"));
        stub(delete(urlPathMatching(messages() + "/.*")), aResponse().withStatus(204));
        // $filter=internetMessageId eq '…': no copy with that Message-ID unless a test says so
        stub(get(urlPathEqualTo(messages())), okJson("{\"value\":[]}"));
    }

    /** Graph's path of the mailbox's messages, by its user id as the service calls it. */
    public String messages() {
        return "/v1.0/users/" + userId + "/messages";
    }

    private void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        microsoft.server().stubFor(request.atPriority(5).willReturn(response));
    }

    /**
     * The next {@code times} calls of {@code method path} get {@code answer} first, then Graph answers as usual.
     */
    public void first(String method, String path, int times, ResponseDefinitionBuilder answer) {
        String scenario = method + " " + path + " " + UUID.randomUUID();
        for (int i = 0; i < times; i++) {
            microsoft.server().stubFor(request(method, urlPathEqualTo(path)).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i).willSetStateTo("after " + (i + 1))
                    .willReturn(answer));
        }
    }

    /** Every call of {@code method path} from now on gets {@code answer} (until {@link #heal}). */
    public void always(String method, String path, ResponseDefinitionBuilder answer) {
        microsoft.server().stubFor(request(method, urlPathEqualTo(path)).withName("broken").atPriority(2)
                .willReturn(answer));
    }

    /** Takes back {@link #always}. */
    public void heal() {
        microsoft.server().getStubMappings().stream().filter(m -> "broken".equals(m.getName()))
                .toList().forEach(m -> microsoft.server().removeStub(m));
    }

    /** The Graph calls made so far (token requests aside), oldest first, as "METHOD path". */
    public List<String> calls() {
        return oldestFirst().stream().map(ServeEvent::getRequest).filter(r -> !r.getUrl().contains("/oauth2/"))
                .map(r -> r.getMethod().getName() + " " + r.getUrl().split("\\?")[0]).toList();
    }

    /** WireMock keeps what it served newest first, in the order it served it. */
    private List<ServeEvent> oldestFirst() {
        List<ServeEvent> events = new java.util.ArrayList<>(microsoft.server().getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    /** The HTTP statuses Graph answered {@code call} ("METHOD path") with, oldest first. */
    public List<Integer> statuses(String call) {
        return oldestFirst().stream()
                .filter(e -> call.equals(e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl().split("\\?")[0]))
                .map(e -> e.getResponse().getStatus()).toList();
    }

    /** The URLs, query included, of every {@code call} ("METHOD path") made so far, oldest first. */
    public List<String> urls(String call) {
        return oldestFirst().stream().map(ServeEvent::getRequest)
                .filter(r -> call.equals(r.getMethod().getName() + " " + r.getUrl().split("\\?")[0]))
                .map(r -> java.net.URLDecoder.decode(r.getUrl(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** The MIME the service made the outgoing message from (the last one). */
    public byte[] createdMime() {
        return microsoft.server().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().equals(messages()))
                .map(r -> Base64.getMimeDecoder().decode(r.getBodyAsString())).findFirst().orElseThrow();
    }

    /** The bytes put to the upload session, in order. */
    public byte[] uploaded() {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        oldestFirst().stream().map(ServeEvent::getRequest).filter(r -> r.getMethod().getName().equals("PUT"))
                .forEach(r -> all.writeBytes(r.getBody()));
        return all.toByteArray();
    }

    public String address() {
        return address;
    }
}
