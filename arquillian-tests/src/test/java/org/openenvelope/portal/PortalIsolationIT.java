package org.openenvelope.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.PortalClient;
import org.openenvelope.testing.PortalSteps;

/**
 * The portal keeps an account administrator inside their own account: other accounts' pages answer 404 with
 * nothing of them, service pages answer 403, and editing the account number in a link or in a form's request
 * changes nothing in another account. A service administrator sees every account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIsolationIT {

    private static final List<String> TABS = List.of("details.xhtml", "groups.xhtml", "tokens.xhtml",
            "profiles.xhtml", "audit.xhtml", "addin-config.xhtml", "sso.xhtml", "users.xhtml",
            "features.xhtml", "templates.xhtml", "security.xhtml", "rules.xhtml", "branding.xhtml", "unavailable.xhtml?tab=migration");
    private static final String PASSWORD = "a long passphrase for tests";

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

    /** An account with an administrator, a domain and a token, all made through the portal. */
    private record Tenant(String number, String name, String adminEmail, String oneTimePassword, String domain,
                          String tokenPrefix) {
    }

    private static final class World {

        final PortalClient service;
        final Tenant a;
        final Tenant b;
        final PortalClient adminOfA;

        World(URI base) {
            service = PortalSteps.serviceAdministrator(base);
            a = tenant("Alpha");
            b = tenant("Bravo");
            adminOfA = PortalSteps.firstSignIn(base, a.adminEmail, a.oneTimePassword, PASSWORD);
        }

        private Tenant tenant(String label) {
            String name = Fixtures.unique(label + " Portal");
            String number = PortalSteps.createAccount(service, name);
            String domain = Fixtures.uniqueDomain();
            PortalSteps.addDomains(service, number, domain);
            String email = Fixtures.unique(label.toLowerCase()) + "@" + domain;
            String oneTimePassword = PortalSteps.addAdministrator(service, number, email);
            String token = PortalSteps.createAccountToken(service, number, label + " token");
            return new Tenant(number, name, email, oneTimePassword, domain, token.substring(0, 9));
        }
    }

    @Test
    void accountAdministratorStartsOnTheirOwnAccount() {
        PortalClient portal = world.adminOfA.open("/admin/");
        assertEquals("/admin/accounts/details.xhtml?account=" + world.a.number, portal.path());
        assertTrue(portal.text().contains(world.a.name), portal.text());
        assertTrue(portal.text().contains("Account administrator"), portal.text());
    }

    @Test
    void accountListShowsOnlyTheirOwnAccountAndNoCreateForm() {
        PortalClient portal = world.adminOfA.open("/admin/accounts/index.xhtml");
        assertEquals(200, portal.status());
        assertTrue(portal.text().contains(world.a.number), portal.text());
        assertEquals(1, portal.page().select("table#accounts tbody tr").size(), portal.text());
        assertNoTraceOf(world.b, portal);
        assertNull(portal.page().getElementById("create"), "only service administrators create accounts");

        for (String search : List.of(world.b.name, world.b.number)) {
            portal.open("/admin/accounts/index.xhtml?q=" + search.replace(" ", "+"));
            assertTrue(portal.text().contains("No account matches your search."), portal.text());
            assertTrue(portal.page().select("table#accounts").isEmpty(), portal.text());
            assertFalse(portal.text().contains(world.b.adminEmail) || portal.text().contains(world.b.domain));
        }
    }

    @Test
    void everyTabOfAnotherAccountAnswers404LikeANumberThatDoesNotExist() {
        String unused = Fixtures.unusedAccountNumber(
                number -> world.service.open("/admin/accounts/details.xhtml?account=" + number).status() == 404);
        for (String tab : TABS) {
            PortalClient other = world.adminOfA.open(tabPath(tab, world.b.number));
            assertEquals(404, other.status(), tab + ": " + other.text());
            assertNoTraceOf(world.b, other);
            String otherPage = withoutTime(other.text());

            PortalClient nobody = world.adminOfA.open(tabPath(tab, unused));
            assertEquals(404, nobody.status(), tab);
            assertEquals(withoutTime(nobody.text()), otherPage, tab + ": another account reads like none at all");
        }
    }

    @Test
    void servicePagesAreForbidden() {
        for (String page : List.of("/admin/audit.xhtml", "/admin/tokens.xhtml")) {
            PortalClient portal = world.adminOfA.open(page);
            assertEquals(403, portal.status(), page + ": " + portal.text());
            assertNoTraceOf(world.b, portal);
            assertNull(portal.page().getElementById("create"), page);
        }
    }

    @Test
    void renameAimedAtAnotherAccountChangesNothing() {
        for (Tampering tampering : Tampering.values()) {
            world.adminOfA.open("/admin/accounts/details.xhtml?account=" + world.a.number);
            tampering.submit(world.adminOfA, "details.xhtml", "rename", Map.of("name", "Hijacked"), "rename");
            assertRefusedAsNotFound(world.adminOfA);
        }
        PortalClient bravo = world.service.open("/admin/accounts/details.xhtml?account=" + world.b.number);
        assertTrue(bravo.text().contains(world.b.name), bravo.text());
        assertFalse(bravo.text().contains("Hijacked"), bravo.text());
        assertFalse(world.service.open("/admin/accounts/details.xhtml?account=" + world.a.number).text()
                .contains("Hijacked"), "nor was the administrator's own account renamed");
    }

    @Test
    void profileChangesAimedAtAnotherAccountChangeNothing() {
        String planted = Fixtures.uniqueDomain();
        for (Tampering tampering : Tampering.values()) {
            world.adminOfA.open("/admin/accounts/profiles.xhtml?account=" + world.a.number);
            tampering.submit(world.adminOfA, "profiles.xhtml", "profiles", Map.of("values", planted), "add");
            assertRefusedAsNotFound(world.adminOfA);

            world.adminOfA.open("/admin/accounts/profiles.xhtml?account=" + world.a.number);
            tampering.submit(world.adminOfA, "profiles.xhtml", "entries", Map.of(), "list:0:remove");
            assertRefusedAsNotFound(world.adminOfA);
        }
        String bravo = world.service.open("/admin/accounts/profiles.xhtml?account=" + world.b.number).text();
        assertTrue(bravo.contains(world.b.domain), bravo);
        assertFalse(bravo.contains(planted), bravo);
        String alpha = world.service.open("/admin/accounts/profiles.xhtml?account=" + world.a.number).text();
        assertTrue(alpha.contains(world.a.domain), "the row the request named was not removed elsewhere: " + alpha);
        assertFalse(alpha.contains(planted), alpha);
    }

    @Test
    void administratorsAndTokensAimedAtAnotherAccountAreNotCreated() {
        String email = Fixtures.unique("intruder") + "@" + Fixtures.uniqueDomain();
        for (Tampering tampering : Tampering.values()) {
            world.adminOfA.open("/admin/accounts/groups.xhtml?account=" + world.a.number);
            tampering.submit(world.adminOfA, "groups.xhtml", "administrators", Map.of("email", email), "add");
            assertNull(world.adminOfA.page().getElementById("initialPassword"), world.adminOfA.text());
            assertRefusedAsNotFound(world.adminOfA);

            world.adminOfA.open("/admin/accounts/tokens.xhtml?account=" + world.a.number);
            tampering.submit(world.adminOfA, "tokens.xhtml", "create", Map.of("name", "Backdoor"), "create");
            assertNull(world.adminOfA.page().getElementById("tokenSecret"), world.adminOfA.text());
            assertRefusedAsNotFound(world.adminOfA);
        }
        String groups = world.service.open("/admin/accounts/groups.xhtml?account=" + world.b.number).text();
        assertTrue(groups.contains(world.b.adminEmail), groups);
        assertFalse(groups.contains(email), groups);
        String tokens = world.service.open("/admin/accounts/tokens.xhtml?account=" + world.b.number).text();
        assertFalse(tokens.contains("Backdoor"), tokens);
        assertFalse(world.service.open("/admin/accounts/groups.xhtml?account=" + world.a.number).text()
                .contains(email));
    }

    @Test
    void auditTabShowsTheAccountsOwnChangesWithActorAndAddress() {
        PortalClient portal = world.adminOfA.open("/admin/accounts/audit.xhtml?account=" + world.a.number);

        List<String> rows = portal.page().select("table.audit tbody tr").eachText();
        assertTrue(rows.stream().anyMatch(row -> row.contains(world.a.adminEmail) && row.contains("sign-in.succeeded")
                && row.contains("127.0.0.1")), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.contains(Deployments.adminEmail())
                && row.contains("administrator.added") && row.contains("Added administrator " + world.a.adminEmail)),
                rows.toString());
        assertNoTraceOf(world.b, portal);

        String service = world.service.open("/admin/audit.xhtml").text();
        assertTrue(service.contains(world.a.number) && service.contains(world.b.number), service);
    }

    @Test
    void serviceAdministratorSeesAndOpensEveryAccount() {
        String list = world.service.open("/admin/accounts/index.xhtml?q=Portal").text();
        assertTrue(list.contains(world.a.number) && list.contains(world.b.number), list);
        for (String tab : TABS) {
            PortalClient portal = world.service.open(tabPath(tab, world.b.number));
            assertEquals(200, portal.status(), tab);
            assertTrue(portal.text().contains(world.b.name), tab + ": " + portal.text());
        }
        assertEquals(200, world.service.open("/admin/audit.xhtml").status());
        String unavailable = world.service.open(tabPath("unavailable.xhtml?tab=migration", world.b.number))
                .page().getElementById("available-tabs").text();
        assertTrue(unavailable.contains("Addin Config") && unavailable.contains("Branding")
                && unavailable.endsWith("and Audit log tabs are available now."), unavailable);
    }

    @Test
    void suspendingAnAccountSignsItsAdministratorsOutAndKeepsThemOut() {
        String number = PortalSteps.createAccount(world.service, Fixtures.unique("Suspended Portal"));
        String email = Fixtures.unique("carol") + "@" + Fixtures.uniqueDomain();
        PortalClient carol = PortalSteps.firstSignIn(base, email,
                PortalSteps.addAdministrator(world.service, number, email), PASSWORD);

        world.service.open("/admin/accounts/details.xhtml?account=" + number).submit("status", Map.of(), "suspend");
        assertTrue(world.service.text().contains("is suspended"), world.service.text());

        assertTrue(carol.open("/admin/").path().startsWith("/login.xhtml"), "the open session ended: " + carol.path());
        PortalClient again = new PortalClient(base).signIn(email, PASSWORD);
        assertTrue(again.path().startsWith("/login.xhtml"), again.path());
        assertEquals(List.of("Your account is suspended. Contact your service administrator."), again.errors());

        world.service.open("/admin/accounts/details.xhtml?account=" + number).submit("status", Map.of(), "reactivate");
        PortalClient back = new PortalClient(base).signIn(email, PASSWORD);
        assertEquals("/admin/accounts/details.xhtml?account=" + number, back.path());
    }

    /** Ways a client can edit a form's request to name another account. */
    private enum Tampering {
        /** The form's address with the other account's number in the query. */
        QUERY {
            @Override
            void submit(PortalClient portal, String page, String form, Map<String, String> values, String button) {
                portal.submitTampered(form, values, button, "/admin/accounts/" + page + "?account=" + world.b.number,
                        Map.of());
            }
        },
        /** The address without a query, and the other account's number as a posted parameter. */
        BODY {
            @Override
            void submit(PortalClient portal, String page, String form, Map<String, String> values, String button) {
                portal.submitTampered(form, values, button, "/admin/accounts/" + page,
                        Map.of("account", world.b.number));
            }
        };

        abstract void submit(PortalClient portal, String page, String form, Map<String, String> values, String button);
    }

    private static String tabPath(String tab, String number) {
        return "/admin/accounts/" + tab + (tab.contains("?") ? "&" : "?") + "account=" + number;
    }

    /** The error page shows the current time, which differs between two requests. */
    private static String withoutTime(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC", "(time)");
    }

    /** The edited request reached the service, which refused it as if the other account did not exist. */
    private static void assertRefusedAsNotFound(PortalClient portal) {
        assertEquals(List.of("Account " + world.b.number + " was not found."), portal.errors(), portal.text());
        assertNoTraceOf(world.b, portal);
    }

    private static void assertNoTraceOf(Tenant tenant, PortalClient portal) {
        for (String secret : List.of(tenant.name, tenant.adminEmail, tenant.domain, tenant.tokenPrefix)) {
            assertFalse(portal.page().html().contains(secret), "page " + portal.path() + " shows " + secret + ":\n"
                    + portal.text());
        }
    }
}
