package org.openenvelope.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.ApiClient.Reply;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;

/**
 * The REST API over HTTP, as a provisioning system calls it: accounts, profiles and administrators with service
 * and account tokens, the error shape, strict JSON, bearer authentication, the OpenAPI document, and above all
 * that an account token can neither see nor change another account, whatever ids it sends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    private static final Set<String> ERROR_PROPERTIES = Set.of("code", "message", "field", "problems");

    /** What the tests share, set up once through the portal and the API (tokens are only minted by people). */
    private static World world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        if (world == null) {
            world = new World(base);
        }
    }

    private ApiClient service() {
        return new ApiClient(base, world.serviceToken);
    }

    private ApiClient tokenOfA() {
        return new ApiClient(base, world.a.token);
    }

    /** An account with a token, a domain and an administrator. */
    private record Tenant(String number, String name, String token, String domain, long entryId, String adminEmail,
                          long adminId) {
    }

    private static final class World {

        final String serviceToken;
        final PortalClient serviceAdministrator;
        final Tenant a;
        final Tenant b;

        World(URI base) {
            serviceAdministrator = PortalSteps.serviceAdministrator(base);
            serviceToken = PortalSteps.createServiceToken(serviceAdministrator, "Provisioning");
            ApiClient service = new ApiClient(base, serviceToken);
            a = tenant(service, "Alpha");
            b = tenant(service, "Bravo");
        }

        private Tenant tenant(ApiClient service, String label) {
            String name = Fixtures.unique(label + " Tenant");
            String number = ApiSteps.createAccount(service, name);
            String domain = Fixtures.uniqueDomain();
            long entryId = ApiSteps.addDomains(service, number, domain).get(0);
            String email = Fixtures.unique(label.toLowerCase()) + "@" + domain;
            long adminId = created(service.post("/api/v1/accounts/" + number + "/administrators",
                    json(Map.of("email", email)))).getJsonObject("administrator").getJsonNumber("id").longValue();
            String token = PortalSteps.createAccountToken(serviceAdministrator, number, label + " sync");
            return new Tenant(number, name, token, domain, entryId, email, adminId);
        }
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    @Test
    void serviceTokenCreatesReadsRenamesSuspendsAndReactivatesAnAccount() {
        String name = Fixtures.unique("Contoso");
        Reply post = service().post("/api/v1/accounts", json(Map.of("name", " " + name + " ")));

        JsonObject created = created(post);
        String number = created.getString("number");
        assertTrue(number.matches("[1-9][0-9]{7}"), number);
        assertEquals(name, created.getString("name"));
        assertEquals("ACTIVE", created.getString("status"));
        assertEquals(base.resolve("api/v1/accounts/" + number).toString(), post.header("Location"));
        assertEquals("no-store", post.header("Cache-Control"));

        JsonObject read = ok(service().get("/api/v1/accounts/" + number));
        assertEquals(withoutCreatedAt(created), withoutCreatedAt(read));
        assertEquals(Instant.parse(created.getString("createdAt")).getEpochSecond(),
                Instant.parse(read.getString("createdAt")).getEpochSecond());
        JsonObject renamed = ok(service().patch("/api/v1/accounts/" + number, json(Map.of("name", name + " Ltd"))));
        assertEquals(name + " Ltd", renamed.getString("name"));
        assertEquals(number, renamed.getString("number"));
        assertEquals("SUSPENDED", ok(service().patch("/api/v1/accounts/" + number,
                json(Map.of("status", "SUSPENDED")))).getString("status"));
        assertEquals("SUSPENDED", ok(service().patch("/api/v1/accounts/" + number,
                json(Map.of("status", "SUSPENDED")))).getString("status"), "asking for the current status is fine");
        JsonObject both = ok(service().patch("/api/v1/accounts/" + number,
                json(Map.of("name", name, "status", "ACTIVE"))));
        assertEquals(List.of(name, "ACTIVE"), List.of(both.getString("name"), both.getString("status")));
        assertEquals(withoutCreatedAt(both), withoutCreatedAt(ok(service().get("/api/v1/accounts/" + number))));
    }

    @Test
    void aReadOnlyTokenReadsButChangesNothing() {
        ApiClient reader = new ApiClient(base, PortalSteps.createAccountToken(world.serviceAdministrator, world.a.number(),
                Map.of("name", "Reporting", "validDays", "30", "readOnly", "true")));
        String account = "/api/v1/accounts/" + world.a.number();
        assertEquals(200, reader.get(account).status());
        ApiClient.Reply refused = reader.patch(account, "{\"name\":\"Renamed by a report\"}");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("read_only_token", refused.json().getString("code"));
        assertEquals(world.a.name(), service().get(account).json().getString("name"), "unchanged");
        String listed = world.serviceAdministrator.open("/admin/accounts/tokens.xhtml?account=" + world.a.number()).text();
        assertTrue(listed.contains("Read only"), listed);
    }

    @Test
    void aUserOutsideTheVerifiedDomainsIsAddedWithAWarning() {
        String users = "/api/v1/accounts/" + world.a.number() + "/users";
        JsonObject inside = tokenOfA().post(users, "{\"federationId\":\"jane-" + System.nanoTime() + "@"
                + world.a.domain() + "\"}").json();
        assertFalse(inside.getBoolean("outsideVerifiedDomains"), inside.toString());
        JsonObject outside = tokenOfA().post(users, "{\"federationId\":\"bob@" + Fixtures.uniqueDomain() + "\"}").json();
        assertTrue(outside.getBoolean("outsideVerifiedDomains"), outside.toString());
        assertFalse(tokenOfA().post(users, "{\"federationId\":\"employee-" + System.nanoTime() + "\"}").json()
                .getBoolean("outsideVerifiedDomains"), "an ID that is no address is not flagged");
        String listed = world.serviceAdministrator.open("/admin/accounts/users.xhtml?account=" + world.a.number()
                + "&q=" + outside.getString("federationId")).text();
        assertTrue(listed.contains("Not in a verified domain"), listed);
    }

    @Test
    void administratorsAreFoundByPartOfTheirEmailAPageAtATime() {
        String administrators = "/api/v1/accounts/" + world.a.number() + "/administrators";
        String part = world.a.adminEmail().substring(0, world.a.adminEmail().indexOf('@')).toUpperCase();
        JsonObject found = tokenOfA().get(administrators + "?q=" + part + "&size=5").json();
        assertEquals(1, found.getInt("total"), found.toString());
        assertEquals(world.a.adminEmail(), found.getJsonArray("items").getJsonObject(0).getString("email"));
        assertEquals(0, tokenOfA().get(administrators + "?q=nobody-administers-this").json().getInt("total"));
        assertEquals(400, tokenOfA().get(administrators + "?size=1000").status(), "paging is validated");
        String page = world.serviceAdministrator.open("/admin/accounts/groups.xhtml?account=" + world.a.number()
                + "&q=nobody-administers-this").text();
        assertTrue(page.contains("No administrator matches your search."), page);
    }

    @Test
    void tokensAreFoundByPartOfTheirNameAPageAtATime() {
        String number = ApiSteps.createAccount(service(), Fixtures.unique("Tokens"));
        PortalSteps.createAccountToken(world.serviceAdministrator, number, "Nightly SYNC");
        String reporting = PortalSteps.createAccountToken(world.serviceAdministrator, number, "Reporting");
        PortalSteps.createAccountToken(world.serviceAdministrator, number, "Backup sync");
        ApiClient reader = new ApiClient(base, reporting);
        String tokens = "/api/v1/accounts/" + number + "/tokens";

        JsonObject first = ok(reader.get(tokens + "?q=sync&size=1"));
        assertEquals(2, first.getInt("total"), first.toString());
        assertEquals(0, first.getInt("page"));
        assertEquals(1, first.getInt("size"));
        assertEquals("Backup sync", first.getJsonArray("items").getJsonObject(0).getString("name"), "by name");
        JsonObject second = ok(reader.get(tokens + "?q=SYNC&page=1&size=1"));
        assertEquals("Nightly SYNC", second.getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(List.of("Backup sync", "Nightly SYNC", "Reporting"), ok(reader.get(tokens))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(t -> t.getString("name")).toList());
        assertFalse(reader.get(tokens).body().contains(reporting.substring(9)), "never the secret");
        assertEquals(0, reader.get(tokens + "?q=nothing-is-called-this").json().getInt("total"));
        assertError(reader.get(tokens + "?size=1000"), 400, "invalid_value", "size");
        assertEquals(404, tokenOfA().get(tokens).status(), "another account's tokens");

        JsonObject service = ok(service().get("/api/v1/tokens?q=provisioning"));
        assertTrue(service.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("name").equals("Provisioning")), service.toString());
        assertEquals(403, reader.get("/api/v1/tokens").status(), "service tokens for service tokens only");

        String page = world.serviceAdministrator.open("/admin/accounts/tokens.xhtml?account=" + number + "&q=sync")
                .text();
        assertTrue(page.contains("Backup sync") && page.contains("Nightly SYNC"), page);
        assertFalse(page.contains("Reporting"), page);
        assertTrue(world.serviceAdministrator.open("/admin/accounts/tokens.xhtml?account=" + number
                + "&q=nothing-is-called-this").text().contains("No token matches your search."));
        assertTrue(world.serviceAdministrator.open("/admin/tokens.xhtml?q=PROVISION").text().contains("Provisioning"));
    }

    @Test
    void theProfilesListIsExportedAsCsv() {
        ApiClient.Reply csv = tokenOfA().send("GET", "/api/v1/accounts/" + world.a.number() + "/profiles/export", null,
                "text/csv");
        assertEquals(200, csv.status(), csv.body());
        List<String> rows = csv.body().lines().toList();
        assertEquals("\"type\",\"value\",\"display\",\"verification\",\"verified_at\",\"verified_by\",\"txt_name\","
                + "\"txt_value\",\"created_at\",\"created_by\"", rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("\"DOMAIN\",\"" + world.a.domain() + "\"")), rows.toString());
        assertFalse(csv.body().contains(world.b.domain()), "only the account's own");
        assertEquals(200, world.serviceAdministrator.open("/admin/accounts/profiles-export?account=" + world.a.number())
                .status());
    }

    @Test
    void usersAreExportedAsCsvAndAListOfThemIsAddedAllOrNone() {
        String number = ApiSteps.createAccount(service(), Fixtures.unique("Users"));
        String users = "/api/v1/accounts/" + number + "/users";
        Map<String, String> csvType = Map.of("Content-Type", "text/csv; charset=UTF-8");

        JsonObject refused = assertError(service().send("POST", users + "/import", "federation_id\r\njane@example.com\r\n"
                + "jane doe\r\njane@example.com\r\n", csvType), 400, "rejected_values", null);
        assertEquals(List.of("Line 3, \"jane doe\": The federation ID must not contain spaces or control characters.",
                "Line 4, \"jane@example.com\": listed on line 2 already."), messagesOf(refused));
        assertEquals(0, ok(service().get(users)).getInt("total"), "all or none");
        assertError(service().send("POST", users + "/import", "\n", csvType), 400, "invalid_value", "federationIds");

        JsonObject added = created(service().send("POST", users + "/import", "jane@example.com\n-svc-backup\nemployee-7\n",
                Map.of("Content-Type", "text/plain")));
        assertEquals(3, added.getJsonArray("items").size(), added.toString());
        Reply csv = service().send("GET", users + "/export", null, "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.toString());
        assertTrue(csv.header("Content-Disposition").matches("attachment; filename=\"users-\\d+\\.csv\""), csv.toString());
        List<String> rows = csv.body().lines().toList();
        assertEquals("\"federation_id\",\"origin\",\"created_at\",\"created_by\",\"last_sign_in_at\",\"password\","
                + "\"addin_sessions\",\"outside_verified_domains\"", rows.get(0));
        assertEquals(List.of("\"'-svc-backup\"", "\"employee-7\"", "\"jane@example.com\""),
                rows.stream().skip(1).map(r -> r.substring(0, r.indexOf(','))).sorted().toList(), "a formula defused");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("\"jane@example.com\",\"ADMINISTRATOR\",")
                && r.endsWith(",\"NONE\",\"0\",\"true\"")), rows.toString());

        // the export reads back: into another account all of them, into the same one none
        String other = "/api/v1/accounts/" + ApiSteps.createAccount(service(), Fixtures.unique("Users")) + "/users";
        JsonObject copied = created(service().send("POST", other + "/import", csv.body(), csvType));
        assertEquals(List.of("jane@example.com", "-svc-backup", "employee-7").stream().sorted().toList(),
                copied.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(u -> u.getString("federationId")).sorted().toList());
        JsonObject again = assertError(service().send("POST", users + "/import", csv.body(), csvType), 400,
                "rejected_values", null);
        assertEquals(List.of("Line 2", "Line 3", "Line 4"), messagesOf(again).stream()
                .map(m -> m.substring(0, m.indexOf(','))).toList(), "in the order of the lines");
        assertTrue(messagesOf(again).contains("Line " + (rows.indexOf(rows.stream().filter(r -> r.startsWith(
                "\"employee-7\"")).findFirst().orElseThrow()) + 1) + ", \"employee-7\": already a user of this account."),
                messagesOf(again).toString());

        assertEquals(404, tokenOfA().send("GET", other + "/export", null, "text/csv").status(), "another account's");
        assertEquals(200, world.serviceAdministrator.open("/admin/accounts/users-export?account=" + number).status());
    }

    private static List<String> messagesOf(JsonObject error) {
        return error.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(problem -> problem.getString("message")).toList();
    }

    @Test
    void theAuditTrailIsFilteredAndExported() {
        String audit = "/api/v1/accounts/" + world.a.number() + "/audit";
        JsonObject created = tokenOfA().get(audit + "?action=token.created").json();
        assertTrue(created.getInt("total") >= 1, created.toString());
        assertTrue(created.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(e -> e.getString("action").equals("token.created")), created.toString());
        assertEquals(0, tokenOfA().get(audit + "?actor=nobody-acts-like-this").json().getInt("total"));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(tokenOfA().get(audit + "?from=" + today).json().getInt("total") >= 1);
        assertEquals(0, tokenOfA().get(audit + "?until=" + java.time.LocalDate.parse(today).minusDays(1)).json()
                .getInt("total"), "until a day names that whole day");
        ApiClient.Reply refused = tokenOfA().get(audit + "?action=no.such-action&from=yesterday");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("action", "from"), refused.json().getJsonArray("problems").getValuesAs(JsonObject.class)
                .stream().map(p -> p.getString("field")).toList());

        ApiClient.Reply csv = tokenOfA().send("GET", audit + "/export?format=csv&action=token.created", null, "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("audit-" + world.a.number() + "-"), csv.header("Content-Disposition"));
        List<String> rows = csv.body().lines().toList();
        assertEquals("occurred_at,account,actor,action,detail,source_address", rows.get(0));
        assertTrue(rows.size() > 1 && rows.stream().skip(1).allMatch(r -> r.contains(",\"token.created\",")), rows.toString());
        ApiClient.Reply jsonl = tokenOfA().send("GET", audit + "/export?format=jsonl", null, "application/jsonl");
        assertEquals(200, jsonl.status(), jsonl.body());
        jsonl.body().lines().forEach(line -> assertEquals(world.a.number(), jakarta.json.Json.createReader(
                new java.io.StringReader(line)).readObject().getString("accountNumber")));
        assertEquals("format", tokenOfA().send("GET", audit + "/export?format=xml", null, "text/csv").json()
                .getString("field"));
        assertEquals(404, new ApiClient(base, world.b.token()).send("GET", audit + "/export?format=csv", null,
                "text/csv").status(), "another account's trail is not there for it");

        PortalClient portal = world.serviceAdministrator.open("/admin/audit-export?format=csv&action=token.created&account="
                + world.a.number());
        assertEquals(200, portal.status());
        assertTrue(portal.text().startsWith("occurred_at,account,actor,action,detail,source_address"), portal.text());
        List<String> shown = world.serviceAdministrator.open("/admin/accounts/audit.xhtml?account=" + world.a.number()
                + "&action=token.created").page().select("table.audit .code-tag").eachText();
        assertTrue(!shown.isEmpty() && shown.stream().allMatch("token.created"::equals), shown.toString());
    }

    @Test
    void invalidAccountValuesAreReportedAgainstTheProperty() {
        assertError(service().post("/api/v1/accounts", json(Map.of("name", " "))), 400, "invalid_value", "name");
        assertError(service().post("/api/v1/accounts", json(Map.of("name", "x".repeat(121)))), 400,
                "invalid_value", "name");
        assertError(service().patch("/api/v1/accounts/" + world.a.number, json(Map.of("status", "PAUSED"))), 400,
                "invalid_value", "status");
        assertError(service().patch("/api/v1/accounts/" + world.a.number, json(Map.of("name", "line\nbreak"))),
                400, "invalid_value", "name");
        assertEquals(world.a.name, ok(service().get("/api/v1/accounts/" + world.a.number)).getString("name"));
    }

    @Test
    void findsAccountsByNameOrNumberPageByPage() {
        String tag = Fixtures.unique("apisearch");
        List<String> numbers = List.of(" 1", " 2", " 3").stream()
                .map(suffix -> ApiSteps.createAccount(service(), tag + suffix))
                .toList();

        JsonObject first = ok(service().get("/api/v1/accounts?q=" + tag.toUpperCase() + "&size=2"));
        assertEquals(Set.of("items", "page", "size", "total"), first.keySet());
        assertEquals(3, first.getInt("total"));
        assertEquals(0, first.getInt("page"));
        assertEquals(2, first.getInt("size"));
        assertEquals(numbers.subList(0, 2), numbersOf(first));
        JsonObject second = ok(service().get("/api/v1/accounts?q=" + tag + "&size=2&page=1"));
        assertEquals(numbers.subList(2, 3), numbersOf(second));
        assertEquals(numbers.subList(1, 2), numbersOf(ok(service().get("/api/v1/accounts?q=" + numbers.get(1)))));

        assertError(service().get("/api/v1/accounts?page=abc"), 400, "invalid_value", "page");
        assertError(service().get("/api/v1/accounts?page=-1"), 400, "invalid_value", "page");
        assertError(service().get("/api/v1/accounts?size=0"), 400, "invalid_value", "size");
        assertError(service().get("/api/v1/accounts?size=101"), 400, "invalid_value", "size");
    }

    // ---- profiles -------------------------------------------------------------------------------------------

    @Test
    void profileEntriesAreAddedListedAndRemoved() {
        String path = "/api/v1/accounts/" + world.a.number + "/profiles";
        String first = Fixtures.uniqueDomain();
        String second = Fixtures.uniqueDomain();
        String address = "Sales@" + world.a.domain;

        JsonObject domains = created(tokenOfA().post(path, "{\"type\":\"DOMAIN\",\"values\":\"" + first.toUpperCase()
                + "; " + second + "\"}"));
        JsonObject addresses = created(tokenOfA().post(path, "{\"type\":\"EMAIL_ADDRESS\",\"values\":[\"" + address
                + "\"]}"));

        assertEquals(List.of(first, second), valuesOf(domains));
        JsonObject entry = addresses.getJsonArray("items").getJsonObject(0);
        assertEquals("EMAIL_ADDRESS", entry.getString("type"));
        assertEquals(address.toLowerCase(), entry.getString("value"));
        assertEquals(Set.of("id", "type", "value", "display", "createdAt", "createdBy", "verification", "txtName",
                "txtValue"), entry.keySet(), "an unverified entry says what to publish where");
        assertTrue(entry.getString("createdBy").startsWith("token \"Alpha sync\""), entry.toString());
        assertTrue(valuesOf(ok(tokenOfA().get(path))).containsAll(List.of(first, second, address.toLowerCase())));
        JsonObject found = ok(tokenOfA().get(path + "?q=" + first.toUpperCase() + "&size=5"));
        assertEquals(List.of(first), valuesOf(found));
        assertEquals(1, found.getInt("total"));
        assertEquals(5, found.getInt("size"));
        assertError(tokenOfA().get(path + "?page=abc"), 400, "invalid_value", "page");
        assertError(tokenOfA().get(path + "?size=101"), 400, "invalid_value", "size");

        long id = domains.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        Reply removed = tokenOfA().delete(path + "/" + id);
        assertEquals(204, removed.status(), removed.toString());
        List<String> remaining = valuesOf(ok(tokenOfA().get(path)));
        assertFalse(remaining.contains(first), remaining.toString());
        assertTrue(remaining.contains(second), remaining.toString());
        assertError(tokenOfA().delete(path + "/" + id), 404, "not_found", null);
    }

    @Test
    void aRejectedBatchSavesNothingAndListsEveryProblem() {
        String path = "/api/v1/accounts/" + world.a.number + "/profiles";
        int before = ok(tokenOfA().get(path)).getJsonArray("items").size();
        String fresh = Fixtures.uniqueDomain();

        JsonObject error = assertError(tokenOfA().post(path, "{\"type\":\"DOMAIN\",\"values\":[\"" + fresh
                + "\",\"bad..domain\",\"" + world.a.domain + "\"]}"), 400, "rejected_values", null);

        assertEquals("2 values were rejected; nothing was saved.", error.getString("message"));
        List<JsonObject> problems = error.getJsonArray("problems").getValuesAs(JsonObject.class);
        assertEquals(List.of("bad..domain", world.a.domain), problems.stream().map(p -> p.getString("value")).toList());
        assertTrue(problems.stream().allMatch(p -> p.getString("field").equals("values")), problems.toString());
        assertTrue(problems.get(0).getString("message").contains("empty label"), problems.toString());
        assertTrue(problems.get(1).getString("message").contains("already in this account"), problems.toString());
        assertEquals(before, ok(tokenOfA().get(path)).getJsonArray("items").size());

        assertError(tokenOfA().post(path, "{\"type\":\"DOMAINS\",\"values\":\"" + fresh + "\"}"), 400,
                "invalid_value", "type");
        assertError(tokenOfA().post(path, "{\"values\":\"" + fresh + "\"}"), 400, "invalid_value", "type");
        assertError(tokenOfA().post(path, "{\"type\":\"DOMAIN\",\"values\":[\"a.example;b.example\"]}"), 400,
                "invalid_value", "values");
        assertError(tokenOfA().post(path, "{\"type\":\"DOMAIN\",\"values\":[1]}"), 400, "invalid_value", "values");
        assertError(tokenOfA().post(path, "{\"type\":\"DOMAIN\",\"values\":\" ; \"}"), 400, "invalid_value",
                "values");
        assertEquals(before, ok(tokenOfA().get(path)).getJsonArray("items").size());
    }

    @Test
    void aDomainOfAnotherAccountIsRefusedWithoutNamingThatAccountToAnAccountToken() {
        String body = "{\"type\":\"DOMAIN\",\"values\":[\"" + world.b.domain + "\"]}";

        Reply asAccount = tokenOfA().post("/api/v1/accounts/" + world.a.number + "/profiles", body);
        JsonObject refused = assertError(asAccount, 400, "rejected_values", null);
        String message = refused.getJsonArray("problems").getJsonObject(0).getString("message");
        assertTrue(message.contains("verified by another account"), message);
        for (String owner : List.of(world.b.number, world.b.name, world.b.adminEmail)) {
            assertFalse(asAccount.body().contains(owner), "names the owner: " + asAccount);
        }

        Reply asService = service().post("/api/v1/accounts/" + world.a.number + "/profiles", body);
        assertError(asService, 400, "rejected_values", null);
        assertTrue(asService.body().contains(world.b.number), "a service administrator learns the owner: " + asService);
    }

    // ---- groups ---------------------------------------------------------------------------------------------

    @Test
    void administratorsAreAddedListedAndRemovedButNeverTheLast() {
        String number = ApiSteps.createAccount(service(), Fixtures.unique("Groups"));
        String path = "/api/v1/accounts/" + number + "/administrators";
        String email = Fixtures.unique("jane") + "@" + Fixtures.uniqueDomain();

        Reply post = service().post(path, json(Map.of("email", email.toUpperCase(), "displayName", "Jane")));
        JsonObject added = created(post);
        assertEquals(Set.of("administrator", "initialPassword"), added.keySet());
        assertEquals(20, added.getString("initialPassword").length());
        JsonObject administrator = added.getJsonObject("administrator");
        long id = administrator.getJsonNumber("id").longValue();
        assertEquals(email, administrator.getString("email"));
        assertEquals("ACCOUNT", administrator.getString("role"));
        assertTrue(administrator.getBoolean("mustChangePassword"));
        assertEquals(base.resolve("api/v1/accounts/" + number + "/administrators/" + id).toString(),
                post.header("Location"));
        assertEquals("no-store", post.header("Cache-Control"), "the one-time password must not be cached");

        Reply list = service().get(path);
        assertEquals(List.of(email), ok(list).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("email")).toList());
        assertFalse(list.body().contains(added.getString("initialPassword")), list.body());
        assertFalse(list.body().toLowerCase().contains("hash"), list.body());
        assertEquals(email, ok(service().get(path + "/" + id)).getString("email"));

        assertError(service().post(path, json(Map.of("email", email))), 409, "conflict", "email");
        assertError(service().post(path, json(Map.of("email", "not-an-address"))), 400, "invalid_value", "email");
        assertError(service().delete(path + "/" + id), 409, "conflict", "administrator");

        long second = created(service().post(path, json(Map.of("email", "2" + email))))
                .getJsonObject("administrator").getJsonNumber("id").longValue();
        assertEquals(204, service().delete(path + "/" + id).status());
        assertError(service().get(path + "/" + id), 404, "not_found", null);
        assertEquals(List.of(second), ok(service().get(path)).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().map(a -> a.getJsonNumber("id").longValue()).toList());
    }

    // ---- error shape and strict JSON ------------------------------------------------------------------------

    @Test
    void malformedJsonUnknownPropertiesAndMissingBodiesAreBadRequests() {
        String accounts = "/api/v1/accounts";
        assertError(service().post(accounts, "{\"name\": \"Broken\""), 400, "bad_json", null);
        assertError(service().post(accounts, "not json at all"), 400, "bad_json", null);
        assertError(service().post(accounts, "[\"name\"]"), 400, "bad_json", null);
        assertError(service().post(accounts, "{\"name\":\"Typo\",\"nmae\":\"x\"}"), 400, "unknown_field", "nmae");
        assertError(service().patch(accounts + "/" + world.a.number, "{\"displayname\":\"x\"}"), 400,
                "unknown_field", "displayname");
        assertError(service().post(accounts, "{\"name\":{\"first\":\"x\"}}"), 400, "invalid_value", "name");
        assertError(service().post(accounts, ""), 400, "missing_body", null);
        assertError(service().post(accounts, "null"), 400, "missing_body", null);
        assertError(service().send("POST", accounts, null), 400, "missing_body", null);
        assertError(service().post("/api/v1/accounts/" + world.a.number + "/administrators",
                "{\"email\":\"x@example.com\",\"password\":\"chosen\"}"), 400, "unknown_field", "password");
        assertEquals(world.a.name, ok(service().get(accounts + "/" + world.a.number)).getString("name"));
    }

    @Test
    void aValueOfAnotherJsonTypeOrAPropertyGivenTwiceIsRefusedNamingTheField() {
        String accounts = "/api/v1/accounts";
        assertError(service().post(accounts, "{\"name\": 42}"), 400, "invalid_value", "name");
        assertError(service().post(accounts, "{\"name\": true}"), 400, "invalid_value", "name");
        String idp = "/api/v1/accounts/" + world.a.number + "/saml/identity-provider";
        String entry = "{\"entityId\":\"urn:idp:strict\",\"ssoUrl\":\"https://idp.example/sso\",";
        assertError(service().send("PUT", idp, entry + "\"clockSkewSeconds\": 2.5}"), 400, "invalid_value", "clockSkewSeconds");
        assertError(service().send("PUT", idp, entry + "\"clockSkewSeconds\": 4294967356}"), 400, "invalid_value",
                "clockSkewSeconds");
        assertError(service().send("PUT", idp, entry + "\"clockSkewSeconds\": \"60\"}"), 400, "invalid_value",
                "clockSkewSeconds");
        assertError(service().send("PUT", idp, entry + "\"allowSha1\": \"yes\"}"), 400, "invalid_value", "allowSha1");
        assertError(service().send("PUT", idp, entry + "\"certificates\": [7]}"), 400, "invalid_value", "certificates");

        JsonObject twice = assertError(service().post(accounts, "{\"name\":\"First\",\"name\":\"Second\"}"), 400,
                "invalid_value", "name");
        assertTrue(twice.getString("message").contains("more than once"), twice.toString());
        assertError(service().post("/api/v1/accounts/" + world.a.number + "/saml/identity-provider/metadata",
                "{\"metadata\":\"<x/>\",\"options\":{\"allowSha1\":true,\"allowSha1\":false}}"), 400, "invalid_value",
                "allowSha1");
        assertEquals(world.a.name, ok(service().get(accounts + "/" + world.a.number)).getString("name"), "nothing changed");
    }

    @Test
    void whatJaxRsRefusesIsAnsweredInTheSameShape() {
        assertError(service().get("/api/v1/nothing-here"), 404, "not_found", null);
        Reply put = service().send("PUT", "/api/v1/accounts/" + world.a.number, json(Map.of("name", "x")));
        assertError(put, 405, "method_not_allowed", null);
        assertNotNull(put.header("Allow"), put.toString());
        assertError(raw("POST", "/api/v1/accounts", "text/plain", "name=Contoso", Map.of()), 415,
                "unsupported_media_type", null);
        assertError(service().delete("/api/v1/accounts/" + world.a.number + "/profiles/not-a-number"), 404,
                "not_found", null);
        // no WADL describing the API to anyone, signed in or not; the OpenAPI document is the description
        assertError(new ApiClient(base, null).get("/api/application.wadl?detail=true"), 404, "not_found", null);
        Reply options = raw("OPTIONS", "/api/v1/accounts", "application/json", "", Map.of());
        assertFalse(options.body().contains("wadl"), options.toString());
    }

    // ---- authentication -------------------------------------------------------------------------------------

    @Test
    void requestsWithoutAValidTokenAreUnauthorizedInJson() {
        Reply none = new ApiClient(base, null).get("/api/v1/accounts");
        JsonObject error = assertError(none, 401, "unauthorized", null);
        assertTrue(error.getString("message").contains("Authorization: Bearer"), error.toString());
        assertEquals("Bearer realm=\"OpenEnvelope API\"", none.header("WWW-Authenticate"));

        for (String token : List.of("garbage", "oe_" + "A".repeat(43), world.serviceToken + "x",
                world.serviceToken.substring(0, 9))) {
            Reply refused = new ApiClient(base, token).get("/api/v1/accounts");
            assertError(refused, 401, "unauthorized", null);
            assertTrue(refused.header("WWW-Authenticate").contains("error=\"invalid_token\""), refused.toString());
        }
    }

    @Test
    void aPortalSessionDoesNotAuthenticateTheApi() {
        PortalClient signedIn = PortalSteps.serviceAdministrator(base);
        assertEquals(401, signedIn.open("/api/v1/accounts").status());
        assertEquals(401, signedIn.open("/api/v1/audit").status());
    }

    @Test
    void revokedTokensAndTokensOfSuspendedAccountsAreRefused() {
        String number = ApiSteps.createAccount(service(), Fixtures.unique("Halt"));
        String kept = PortalSteps.createAccountToken(world.serviceAdministrator, number, "Kept");
        String revoked = PortalSteps.createAccountToken(world.serviceAdministrator, number, "Revoked");
        assertEquals(200, new ApiClient(base, revoked).get("/api/v1/accounts/" + number).status());

        world.serviceAdministrator.open("/admin/accounts/tokens.xhtml?account=" + number + "&q=revoked")
                .submit("tokens", Map.of(), "list:table:0:revoke");
        assertTrue(world.serviceAdministrator.text().contains("Token \"Revoked\""), world.serviceAdministrator.text());

        assertError(new ApiClient(base, revoked).get("/api/v1/accounts/" + number), 401, "unauthorized", null);
        assertEquals(200, new ApiClient(base, kept).get("/api/v1/accounts/" + number).status());

        ok(service().patch("/api/v1/accounts/" + number, json(Map.of("status", "SUSPENDED"))));
        assertError(new ApiClient(base, kept).get("/api/v1/accounts/" + number), 401, "unauthorized", null);
        ok(service().patch("/api/v1/accounts/" + number, json(Map.of("status", "ACTIVE"))));
        assertEquals(200, new ApiClient(base, kept).get("/api/v1/accounts/" + number).status());
    }

    @Test
    void secretsAreShownOnceAndTokenUseIsListed() {
        String number = ApiSteps.createAccount(service(), Fixtures.unique("Once"));
        PortalClient portal = world.serviceAdministrator;
        String secret = PortalSteps.createAccountToken(portal, number, "Shown once");
        String password = PortalSteps.addAdministrator(portal, number, Fixtures.unique("once") + "@example.com");

        String tokens = portal.open("/admin/accounts/tokens.xhtml?account=" + number).page().html();
        assertFalse(tokens.contains(secret), "the secret is not shown again");
        String row = portal.page().select("table.grid tbody tr").first().text();
        assertTrue(row.contains(secret.substring(0, 9) + "…") && row.contains("Never"), row);
        assertFalse(portal.open("/admin/accounts/groups.xhtml?account=" + number).page().html().contains(password),
                "nor is the one-time password");

        ok(new ApiClient(base, secret).get("/api/v1/accounts/" + number));
        String used = portal.open("/admin/accounts/tokens.xhtml?account=" + number)
                .page().select("table.grid tbody tr").first().text();
        assertFalse(used.contains("Never"), "last use is listed: " + used);
    }

    // ---- OpenAPI --------------------------------------------------------------------------------------------

    @Test
    void openApiDocumentListsTheVersionedPaths() {
        Reply document = new ApiClient(base, null).get("/openapi");
        assertEquals(200, document.status(), document.toString());
        JsonObject openapi = document.json();
        assertTrue(openapi.getString("openapi").startsWith("3."), openapi.getString("openapi"));
        assertEquals("OpenEnvelope API", openapi.getJsonObject("info").getString("title"));
        Set<String> paths = openapi.getJsonObject("paths").keySet();
        for (String path : List.of("/api/v1/accounts", "/api/v1/accounts/{number}",
                "/api/v1/accounts/{number}/profiles", "/api/v1/accounts/{number}/profiles/{id}",
                "/api/v1/accounts/{number}/administrators", "/api/v1/accounts/{number}/administrators/{id}",
                "/api/v1/accounts/{number}/audit", "/api/v1/audit", "/api/v1/accounts/{number}/tokens",
                "/api/v1/tokens")) {
            assertTrue(paths.contains(path), path + " in " + paths);
        }
        assertTrue(openapi.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"),
                openapi.getJsonObject("components").toString());
    }

    /** The one error shape is declared once and reaches every error response the document lists. */
    @Test
    void openApiDocumentDescribesEveryErrorResponseWithTheErrorShape() {
        JsonObject openapi = new ApiClient(base, null).get("/openapi").json();
        JsonObject components = openapi.getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").containsKey("ApiError"), components.keySet().toString());
        List<String> withoutTheShape = new ArrayList<>();
        int errors = 0;
        for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                if (!(operation.getValue() instanceof JsonObject declared) || !declared.containsKey("responses")) {
                    continue;
                }
                for (Map.Entry<String, JsonValue> response : declared.getJsonObject("responses").entrySet()) {
                    if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                        continue;
                    }
                    errors++;
                    JsonObject described = response.getValue().asJsonObject();
                    if (described.containsKey("$ref")) {
                        described = components.getJsonObject("responses").getJsonObject(
                                described.getString("$ref").substring("#/components/responses/".length()));
                    }
                    JsonObject json = described.containsKey("content")
                            ? described.getJsonObject("content").getJsonObject("application/json") : null;
                    if (json == null || !"#/components/schemas/ApiError".equals(json.getJsonObject("schema").getString("$ref", null))) {
                        withoutTheShape.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertTrue(errors > 40, "error responses are declared: " + errors);
        assertEquals(List.of(), withoutTheShape);
    }

    // ---- account isolation ----------------------------------------------------------------------------------

    @Test
    void accountTokenFindsOnlyItsOwnAccount() {
        JsonObject all = ok(tokenOfA().get("/api/v1/accounts?size=100"));
        assertEquals(1, all.getInt("total"));
        assertEquals(List.of(world.a.number), numbersOf(all));
        for (String search : List.of(world.b.name, world.b.number, world.b.number.substring(0, 4))) {
            Reply reply = tokenOfA().get("/api/v1/accounts?q=" + search.replace(" ", "+"));
            assertTrue(numbersOf(ok(reply)).stream().noneMatch(world.b.number::equals), reply.toString());
            assertNoTraceOf(world.b, reply);
        }
    }

    @Test
    void accountTokenCannotReadOrChangeAnotherAccount() {
        String other = "/api/v1/accounts/" + world.b.number;
        List<Reply> replies = List.of(
                tokenOfA().get(other),
                tokenOfA().patch(other, json(Map.of("name", "Taken over"))),
                tokenOfA().get(other + "/profiles"),
                tokenOfA().post(other + "/profiles", "{\"type\":\"DOMAIN\",\"values\":\"" + Fixtures.uniqueDomain() + "\"}"),
                tokenOfA().delete(other + "/profiles/" + world.b.entryId),
                tokenOfA().get(other + "/administrators"),
                tokenOfA().get(other + "/administrators/" + world.b.adminId),
                tokenOfA().post(other + "/administrators", json(Map.of("email", Fixtures.unique("x") + "@example.com"))),
                tokenOfA().delete(other + "/administrators/" + world.b.adminId),
                tokenOfA().get(other + "/audit"));

        for (Reply reply : replies) {
            JsonObject error = assertError(reply, 404, "not_found", null);
            assertEquals("Account " + world.b.number + " was not found.", error.getString("message"));
            assertNoTraceOf(world.b, reply);
        }
        assertBravoUntouched();
    }

    @Test
    void accountTokenCannotReachAnotherAccountsEntriesThroughItsOwnNumber() {
        String own = "/api/v1/accounts/" + world.a.number;
        List<Reply> replies = List.of(
                tokenOfA().delete(own + "/profiles/" + world.b.entryId),
                tokenOfA().get(own + "/administrators/" + world.b.adminId),
                tokenOfA().delete(own + "/administrators/" + world.b.adminId));

        for (Reply reply : replies) {
            assertError(reply, 404, "not_found", null);
            assertNoTraceOf(world.b, reply);
        }
        assertBravoUntouched();
    }

    @Test
    void guessedAccountNumbersAllReadAsNotFound() {
        String unused = Fixtures.unusedAccountNumber(
                number -> service().get("/api/v1/accounts/" + number).status() == 404);
        JsonObject forOther = assertError(tokenOfA().get("/api/v1/accounts/" + world.b.number), 404, "not_found", null);
        JsonObject forNobody = assertError(tokenOfA().get("/api/v1/accounts/" + unused), 404, "not_found", null);
        assertEquals(forNobody.toString().replace(unused, world.b.number), forOther.toString(),
                "another account reads exactly like one that does not exist");
        for (String guess : List.of("12345678", "00000000", "1", "abc", "%27%20or%201%3D1", world.a.number + "0")) {
            Reply reply = tokenOfA().get("/api/v1/accounts/" + guess + "/profiles");
            assertError(reply, 404, "not_found", null);
            assertNoTraceOf(world.b, reply);
        }
    }

    @Test
    void accountTokenIsRefusedWhatOnlyServiceAdministratorsMayDo() {
        assertError(tokenOfA().post("/api/v1/accounts", json(Map.of("name", "Self-made"))), 403, "forbidden", null);
        Reply audit = tokenOfA().get("/api/v1/audit");
        assertError(audit, 403, "forbidden", null);
        assertNoTraceOf(world.b, audit);

        String own = "/api/v1/accounts/" + world.a.number;
        assertError(tokenOfA().patch(own, json(Map.of("name", "Renamed then refused", "status", "SUSPENDED"))), 403,
                "forbidden", null);
        JsonObject after = ok(tokenOfA().get(own));
        assertEquals(world.a.name, after.getString("name"), "the refused status change undid the rename too");
        assertEquals("ACTIVE", after.getString("status"));
        assertTrue(ok(tokenOfA().get("/api/v1/accounts?q=Self-made")).getJsonArray("items").isEmpty());
    }

    @Test
    void apiChangesAreAuditedWithTokenAndAddress() {
        String own = "/api/v1/accounts/" + world.a.number;
        ok(tokenOfA().patch(own, json(Map.of("name", world.a.name + " (audited)"))));
        ok(tokenOfA().patch(own, json(Map.of("name", world.a.name))));

        JsonObject page = ok(tokenOfA().get(own + "/audit?size=2"));
        JsonObject latest = page.getJsonArray("items").getJsonObject(0);
        assertEquals("account.renamed", latest.getString("action"));
        assertEquals(world.a.number, latest.getString("accountNumber"));
        assertEquals("token \"Alpha sync\" (" + world.a.token.substring(0, 9) + "…)", latest.getString("actor"));
        assertEquals("Renamed from \"" + world.a.name + " (audited)\" to \"" + world.a.name + "\"",
                latest.getString("detail"));
        assertEquals("127.0.0.1", latest.getString("sourceAddress"));
        assertTrue(Instant.parse(latest.getString("occurredAt")).isAfter(Instant.now().minusSeconds(60)),
                latest.toString());
        assertFalse(page.toString().contains(world.a.token.substring(9)), "the secret is never recorded");

        ok(raw("PATCH", own, "application/json", json(Map.of("name", world.a.name + " (forwarded)")),
                Map.of("X-Forwarded-For", "198.51.100.7")));
        JsonObject forwarded = ok(tokenOfA().get(own + "/audit?size=1")).getJsonArray("items").getJsonObject(0);
        assertEquals("127.0.0.1", forwarded.getString("sourceAddress"),
                "X-Forwarded-For counts only from a configured proxy, else anyone could forge the address");
        ok(service().patch(own, json(Map.of("name", world.a.name))));

        JsonObject service = ok(service().get("/api/v1/audit?size=100"));
        assertTrue(service.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("id").equals(latest.getJsonNumber("id"))), "also on service level");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A request as the API client would not send it: with any content type and extra headers, as a service token. */
    private Reply raw(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Authorization", "Bearer " + world.serviceToken)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return new Reply(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertBravoUntouched() {
        String other = "/api/v1/accounts/" + world.b.number;
        JsonObject account = ok(service().get(other));
        assertEquals(world.b.name, account.getString("name"));
        assertEquals("ACTIVE", account.getString("status"));
        assertEquals(List.of(world.b.domain), valuesOf(ok(service().get(other + "/profiles"))));
        assertEquals(List.of(world.b.adminEmail), ok(service().get(other + "/administrators")).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("email")).toList());
    }

    /** The reply says nothing about the tenant but what the caller itself sent (the number it asked for). */
    private static void assertNoTraceOf(Tenant tenant, Reply reply) {
        for (String secret : List.of(tenant.name, tenant.domain, tenant.adminEmail, tenant.token)) {
            assertFalse(reply.body().contains(secret), "leaks " + secret + ": " + reply);
        }
    }

    private static JsonObject assertError(Reply reply, int status, String code, String field) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/json"), reply.toString());
        JsonObject error = reply.json();
        assertTrue(ERROR_PROPERTIES.containsAll(error.keySet()), error.toString());
        assertEquals(code, error.getString("code"), error.toString());
        assertFalse(error.getString("message").isBlank(), error.toString());
        if (field == null) {
            assertFalse(error.containsKey("field"), error.toString());
        } else {
            assertEquals(field, error.getString("field"), error.toString());
        }
        assertFalse(reply.body().matches("(?s).*(Exception|org\\.openenvelope|jakarta\\.|\\bat [a-z]+\\.).*"),
                "no internals in errors: " + reply);
        return error;
    }

    private static JsonObject ok(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static JsonObject created(Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    /** The account as JSON without its creation time, which the creating response gives more precisely. */
    private static JsonObject withoutCreatedAt(JsonObject account) {
        return Json.createObjectBuilder(account).remove("createdAt").build();
    }

    private static List<String> numbersOf(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(account -> account.getString("number")).toList();
    }

    private static List<String> valuesOf(JsonObject items) {
        return items.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("value")).toList();
    }

    private static String json(Map<String, String> properties) {
        var object = Json.createObjectBuilder();
        properties.forEach(object::add);
        return object.build().toString();
    }
}
