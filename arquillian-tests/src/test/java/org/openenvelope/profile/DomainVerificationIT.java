package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.ApiSteps;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.LoopbackDnsServer;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;
import org.openenvelope.testing.TestMessages;

/**
 * Domain ownership proved in DNS: the service's resolver is pointed (openenvelope.dns.resolvers) at a real DNS server
 * on loopback that this test publishes records in. A claim routes nothing until its TXT record is found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DomainVerificationIT {

    private static final String RFC822 = "message/rfc822";
    private static LoopbackDnsServer dns;
    private static PortalClient administrator;
    private static ApiClient service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployed;

    private URI base;

    @BeforeAll
    static void startDns() throws Exception {
        dns = LoopbackDnsServer.start(Integer.getInteger("openenvelope.test.fake-dns-port"));
    }

    @AfterAll
    static void stopDns() throws InterruptedException {
        dns.close();
    }

    @BeforeEach
    void setUp() {
        base = Deployments.loopback(deployed);
        if (administrator == null) {
            administrator = PortalSteps.serviceAdministrator(base);
            service = new ApiClient(base, PortalSteps.createServiceToken(administrator, "Domain verification"));
        }
    }

    @Test
    void aDomainCountsOnceItsTxtRecordIsPublishedAndVerified() {
        String number = ApiSteps.createAccount(service, Fixtures.unique("Verified"));
        ApiClient account = new ApiClient(base, PortalSteps.createAccountToken(administrator, number, "DNS"));
        String domain = Fixtures.uniqueDomain();
        long id = ApiSteps.addUnverifiedDomains(account, number, domain).get(0);
        JsonObject claim = entry(account, number, id);
        assertEquals("UNVERIFIED", claim.getString("verification"));
        assertEquals(domain, claim.getString("txtName"));
        String record = claim.getString("txtValue");
        assertTrue(record.matches("openenvelope-verification=[0-9a-f]{32}"), record);

        assertTrue(emailFirst("jane@" + domain).contains("cannot sign in here"), "an unverified domain routes no sign-in");
        HttpResponse<byte[]> refusedSender = seal(account, number, domain);
        assertEquals(400, refusedSender.statusCode(), "an unverified domain sends nothing");
        assertTrue(new String(refusedSender.body()).contains("\"field\":\"From\""), new String(refusedSender.body()));

        ApiClient.Reply absent = verify(account, number, id, null);
        assertEquals(409, absent.status(), absent.toString());
        assertTrue(absent.body().contains("\"field\":\"verification\"") && absent.body().contains(record)
                && absent.body().contains("it has no TXT records"), absent.toString());

        dns.publishTxt(domain, "v=spf1 -all");
        dns.publishTxt(domain, "openenvelope-verification=0123456789abcdef0123456789abcdef");
        ApiClient.Reply wrong = verify(account, number, id, "DNS");
        assertEquals(409, wrong.status(), wrong.toString());
        assertTrue(wrong.body().contains("2 other TXT records, 1 of them for another entry or account"), wrong.toString());

        dns.publishTxt(domain, record);
        ApiClient.Reply verified = verify(account, number, id, "DNS");
        assertEquals(200, verified.status(), verified.toString());
        assertEquals("DNS", verified.json().getString("verification"));
        assertTrue(verified.json().getString("verifiedBy").startsWith("token \"DNS\""), verified.toString());
        assertEquals(201, seal(account, number, domain).statusCode(), "the verified domain sends");
        assertTrue(emailFirst("jane@" + domain).contains("Use another address"), "and its users are asked for their password");
        assertTrue(ok(service.get("/api/v1/accounts/" + number + "/audit")).toString().contains("by its DNS TXT record"));
    }

    @Test
    void anAccountCannotVouchForItselfAndAFailingResolverChangesNothing() {
        String number = ApiSteps.createAccount(service, Fixtures.unique("Unverified"));
        ApiClient account = new ApiClient(base, PortalSteps.createAccountToken(administrator, number, "Self"));
        String domain = Fixtures.uniqueDomain();
        long id = ApiSteps.addUnverifiedDomains(account, number, domain).get(0);

        ApiClient.Reply selfVouched = verify(account, number, id, "ADMINISTRATOR");
        assertEquals(403, selfVouched.status(), selfVouched.toString());
        assertEquals(400, verify(account, number, id, "TRUST_ME").status());

        dns.publishTxt(domain, entry(account, number, id).getString("txtValue"));
        dns.failing(true);
        try {
            ApiClient.Reply failed = verify(account, number, id, null);
            assertEquals(409, failed.status(), failed.toString());
            assertTrue(failed.body().contains("did not succeed"), failed.toString());
            assertEquals("UNVERIFIED", entry(account, number, id).getString("verification"));
        } finally {
            dns.failing(false);
        }
        assertEquals(200, verify(account, number, id, null).status());
    }

    @Test
    void theProfilesTabShowsTheRecordAndVerifiesItOrAServiceAdministratorDoes() {
        String number = ApiSteps.createAccount(service, Fixtures.unique("Portal DNS"));
        String byDns = Fixtures.uniqueDomain();
        String byHand = Fixtures.uniqueDomain();
        ApiSteps.addUnverifiedDomains(service, number, byDns, byHand);
        String profiles = "/admin/accounts/profiles.xhtml?account=" + number;

        administrator.open(profiles);
        String page = administrator.text();
        assertTrue(page.contains("Not verified") && page.contains("Publish a TXT record at " + byDns), page);
        String record = administrator.page().select(".txt-record").first().text();
        assertTrue(record.startsWith("openenvelope-verification="), record);
        dns.publishTxt(byDns, record);

        administrator.submit("entries", Map.of(), "list:0:verify");
        assertTrue(administrator.errors().isEmpty(), administrator.errors().toString());
        assertTrue(administrator.text().contains("Verified " + byDns + ": its TXT record was found."), administrator.text());

        administrator.open(profiles).submit("entries", Map.of(), "list:1:verify");
        assertFalse(administrator.errors().isEmpty(), "no record for the second domain");
        assertTrue(administrator.errors().get(0).contains("was not found at " + byHand), administrator.errors().toString());

        administrator.open(profiles).submit("entries", Map.of(), "list:1:verifyByHand");
        assertTrue(administrator.text().contains("Verified " + byHand + " as service administrator."), administrator.text());
        assertFalse(administrator.open(profiles).text().contains("Not verified"), administrator.text());
    }

    /** What {@code /websafe/login} answers for the address. */
    private String emailFirst(String address) {
        return new PortalClient(base).open("/websafe/login.xhtml").submit("login", Map.of("email", address), "next").text();
    }

    private static JsonObject entry(ApiClient api, String number, long id) {
        return ok(api.get("/api/v1/accounts/" + number + "/profiles")).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(e -> e.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    private static ApiClient.Reply verify(ApiClient api, String number, long id, String method) {
        return api.post("/api/v1/accounts/" + number + "/profiles/" + id + "/verification",
                method == null ? null : "{\"method\":\"" + method + "\"}");
    }

    private static HttpResponse<byte[]> seal(ApiClient api, String number, String domain) {
        return api.exchange("POST", "/api/v1/accounts/" + number + "/envelopes", TestMessages.multipart("sender@" + domain,
                "reader@partner.example", null, null, "verification", new byte[] {1, 2, 3}), RFC822, RFC822 + ", application/json");
    }

    private static JsonObject ok(ApiClient.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }
}
