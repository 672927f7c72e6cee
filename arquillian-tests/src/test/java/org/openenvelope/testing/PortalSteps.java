package org.openenvelope.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Set-up steps done through the portal, as an administrator would do them, for HTTP tests that need accounts,
 * administrators and tokens to exist (tokens can only be minted by a signed-in person). Each step fails with the
 * page's text when the portal does not answer as expected.
 */
public final class PortalSteps {

    private PortalSteps() {
    }

    /** The initial service administrator, signed in. */
    public static PortalClient serviceAdministrator(URI base) {
        PortalClient portal = new PortalClient(base).signIn(Deployments.adminEmail(), Deployments.adminPassword());
        expect(portal, portal.path().startsWith("/admin/"), "service administrator signed in");
        return portal;
    }

    /** Creates an account on Manage Accounts and returns its number. */
    public static String createAccount(PortalClient serviceAdministrator, String name) {
        serviceAdministrator.open("/admin/accounts/index.xhtml")
                .submit("create", Map.of("name", name), "create");
        String path = serviceAdministrator.path();
        expect(serviceAdministrator, path.startsWith("/admin/accounts/details.xhtml?"), "account created");
        return queryParameter(path, "account");
    }

    /** Adds an administrator on the Groups tab and returns their one-time password. */
    public static String addAdministrator(PortalClient administrator, String accountNumber, String email) {
        administrator.open("/admin/accounts/groups.xhtml?account=" + accountNumber)
                .submit("administrators", Map.of("email", email), "add");
        return shownOnce(administrator, "initialPassword");
    }

    /** Adds domains on the Profiles tab. */
    public static void addDomains(PortalClient administrator, String accountNumber, String values) {
        administrator.open("/admin/accounts/profiles.xhtml?account=" + accountNumber)
                .submit("profiles", Map.of("values", values), "add");
        expect(administrator, administrator.errors().isEmpty(), "domains added");
    }

    /** Creates an account-scoped API token on the account's Tokens tab and returns its secret. */
    public static String createAccountToken(PortalClient administrator, String accountNumber, String name) {
        return createAccountToken(administrator, accountNumber, Map.of("name", name));
    }

    /** With the form's other fields too ({@code validDays}, {@code readOnly}). */
    public static String createAccountToken(PortalClient administrator, String accountNumber, Map<String, String> form) {
        administrator.open("/admin/accounts/tokens.xhtml?account=" + accountNumber).submit("create", form, "create");
        return shownOnce(administrator, "tokenSecret");
    }

    /** Creates a service token on the service tokens page and returns its secret. */
    public static String createServiceToken(PortalClient serviceAdministrator, String name) {
        serviceAdministrator.open("/admin/tokens.xhtml").submit("create", Map.of("name", name), "create");
        return shownOnce(serviceAdministrator, "tokenSecret");
    }

    /** The REST API as a provisioning system calls it: with a new service token the service administrator created. */
    public static ApiClient serviceApi(URI base, String tokenName) {
        return new ApiClient(base, createServiceToken(serviceAdministrator(base), tokenName));
    }

    /** Signs in with a one-time password and replaces it, as the portal demands before anything else. */
    public static PortalClient firstSignIn(URI base, String email, String oneTimePassword, String newPassword) {
        PortalClient portal = new PortalClient(base).signIn(email, oneTimePassword);
        expect(portal, portal.path().startsWith("/admin/password.xhtml"), "sent to choose a password");
        portal.submit("password", Map.of("currentPassword", oneTimePassword, "newPassword", newPassword,
                "confirmation", newPassword), "change");
        expect(portal, portal.errors().isEmpty() && !portal.path().startsWith("/admin/password.xhtml"),
                "password changed");
        return portal;
    }

    public static String queryParameter(String pathAndQuery, String name) {
        int query = pathAndQuery.indexOf('?');
        return Arrays.stream(pathAndQuery.substring(query + 1).split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair[0].equals(name) && pair.length == 2)
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " in " + pathAndQuery));
    }

    private static String shownOnce(PortalClient portal, String elementId) {
        Element value = portal.page().getElementById(elementId);
        expect(portal, value != null && !value.text().isBlank(), elementId + " shown");
        return value.text().strip();
    }

    private static void expect(PortalClient portal, boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("Portal step failed (" + what + ") at HTTP " + portal.status() + " "
                    + portal.path() + ", errors " + portal.errors() + ":\n" + portal.text());
        }
    }
}
