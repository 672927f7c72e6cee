package org.openenvelope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.testing.AddinSenders;
import org.openenvelope.testing.ApiClient;
import org.openenvelope.testing.BrowserlessClient;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.SsoSetup;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * The deliverable: the EAR on a full Payara Server 6 domain, smoke-tested through the portal and the REST API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarOnPayaraServerIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.enterpriseArchive();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void administratorSignsInAndUsesTheApiWithATokenFromThePortal() {
        URI base = Deployments.loopback(deployed);
        PortalClient portal = new PortalClient(base).signIn(Deployments.adminEmail(), Deployments.adminPassword());
        assertTrue(portal.path().startsWith("/admin/accounts/"), portal.path() + " " + portal.errors());

        portal.open("/admin/tokens.xhtml").submit("create", Map.of("name", "EAR smoke test"), "create");
        String token = portal.page().getElementById("tokenSecret").text().strip();
        assertTrue(token.startsWith("oe_"), token);

        ApiClient api = new ApiClient(base, token);
        ApiClient.Reply created = api.post("/api/v1/accounts", "{\"name\":\"EAR Smoke " + System.nanoTime() + "\"}");
        assertEquals(201, created.status(), created.toString());
        String number = created.json().getString("number");

        ApiClient.Reply domains = api.post("/api/v1/accounts/" + number + "/profiles",
                "{\"type\":\"DOMAIN\",\"values\":\"ear-" + number + ".example\"}");
        assertEquals(201, domains.status(), domains.toString());
        assertEquals(200, api.get("/api/v1/accounts/" + number + "/profiles").status());
        assertEquals(401, new ApiClient(base, null).get("/api/v1/accounts").status());

        assertTrue(portal.open("/admin/accounts/profiles.xhtml?account=" + number).text()
                .contains("ear-" + number + ".example"), "the portal shows what the API wrote");

        samlServiceProviderWorks(base, api, number);
        outlookAddinWorks(base, api);
        healthAndMetricsOnAFullServer(base);
    }

    /** The EJB module's health checks, as Payara Server's MicroProfile Health serves them; no token, no metrics. */
    private static void healthAndMetricsOnAFullServer(URI base) {
        HttpResponse<String> ready = new BrowserlessClient().get(base.resolve("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"database\"") && ready.body().contains("\"name\":\"master-key\""),
                ready.body());
        assertEquals(404, new BrowserlessClient().get(base.resolve("operations/metrics")).statusCode());
    }

    /** The add-in's pages, its sender role (glassfish-web.xml) and Bucket4j from the EAR's lib/ on a full server. */
    private static void outlookAddinWorks(URI base, ApiClient api) {
        HttpResponse<String> pane = new BrowserlessClient().get(base.resolve("addin/taskpane.html"));
        assertEquals(200, pane.statusCode());
        assertTrue(pane.body().contains("/lib/1/hosted/office.js\"></script>"), pane.body());
        AddinSenders senders = new AddinSenders(base, api);
        AddinSenders.Sender sender = senders.sender("ear.sender", "FLAG", 1, "SUBJECT", "[secure]");
        ApiClient addin = senders.sender(senders.session(sender.email(), sender.email()).getString("token"));
        ApiClient.Reply flow = addin.post("/api/addin/v1/flows", null);
        assertEquals(201, flow.status(), flow.toString());
        assertEquals("COMPLETED", addin.post("/api/addin/v1/flows/" + flow.json().getString("id") + "/steps",
                "{\"step\":\"FLAGGED\"}").json().getString("outcome"));
        assertEquals(401, api.get("/api/addin/v1/session").status(), "an API token is no add-in token");
    }

    /** OpenSAML and the SP keys (sealed under the master key) work from the EAR's lib/ on a full server. */
    private static void samlServiceProviderWorks(URI base, ApiClient api, String number) {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> metadata = browser.get(base.resolve("saml/" + number + "/metadata"));
        assertEquals(200, metadata.statusCode(), metadata.body());
        EntityDescriptor entity = (EntityDescriptor) OpenSaml.parse(metadata.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(base.resolve("saml/" + number).toString(), entity.getEntityID());
        assertTrue(entity.isSigned());

        BasicX509Credential idp = SelfSignedCertificates.generate("idp.ear.example", Instant.now().minusSeconds(60),
                Duration.ofDays(1));
        String body;
        try {
            body = "{\"entityId\":\"https://idp.ear.example\",\"ssoUrl\":\"https://idp.ear.example/sso\","
                    + "\"certificates\":[\"" + Base64.getEncoder().encodeToString(idp.getEntityCertificate().getEncoded()) + "\"]}";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        String user = "ear.user@ear-" + number + ".example";
        assertEquals(201, api.post("/api/v1/accounts/" + number + "/users", "{\"federationId\":\"" + user + "\"}").status());
        SsoSetup.enableWithScriptedIdp(api, base, number, body, ResponseFixture.from("https://idp.ear.example", idp)
                .forServiceProvider(entity.getEntityID(), base.resolve("saml/" + number + "/acs").toString())
                .at(Instant.now()).nameId("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", user));
        HttpResponse<String> login = browser.get(base.resolve("saml/" + number + "/login"));
        assertEquals(302, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Location").orElse("").startsWith("https://idp.ear.example/sso?SAMLRequest="));
    }
}
