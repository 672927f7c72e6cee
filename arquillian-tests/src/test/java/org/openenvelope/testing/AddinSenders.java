package org.openenvelope.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;

/**
 * Accounts whose senders use the Outlook add-in, made through the administrators' API as an administrator would:
 * a Profiles domain, its Addin Config step 2, and users with their own passwords.
 */
public final class AddinSenders {

    public static final String PASSWORD = "a long and personal passphrase";

    private final URI base;
    private final ApiClient admin;

    public AddinSenders(URI base, ApiClient serviceAdministrator) {
        this.base = base;
        this.admin = serviceAdministrator;
    }

    /** A sender of a new account whose one domain's step 2 is set; signed in to nothing yet. */
    public record Sender(String account, String domain, String email) {
    }

    /** A new account with one domain configured so, and its user {@code name@domain} with {@link #PASSWORD}. */
    public Sender sender(String name, String encryptionType, int rememberDays, String flagType, String flagValue) {
        String domain = Fixtures.uniqueDomain();
        String number = account(domain);
        configure(number, domain, encryptionType, rememberDays, flagType, flagValue);
        String email = name + "@" + domain;
        userWithPassword(number, email);
        return new Sender(number, domain, email);
    }

    /** Addin Config step 1 with the credentials {@link org.openenvelope.graph.FakeMicrosoft} accepts. */
    public void connectToMicrosoft(String number) {
        expect(200, admin.send("PUT", "/api/v1/accounts/" + number + "/microsoft-365", Json.createObjectBuilder()
                .add("tenantId", org.openenvelope.graph.FakeMicrosoft.TENANT)
                .add("clientId", org.openenvelope.graph.FakeMicrosoft.CLIENT_ID)
                .add("clientSecret", org.openenvelope.graph.FakeMicrosoft.SECRET).build().toString()));
    }

    /** A new account with one domain; returns its number. */
    public String account(String domain) {
        String number = ApiSteps.createAccount(admin, Fixtures.unique("Add-in"));
        ApiSteps.addDomains(admin, number, domain);
        return number;
    }

    /** Addin Config step 2 for the domain. */
    public void configure(String number, String domain, String encryptionType, int rememberDays, String flagType, String flagValue) {
        expect(200, admin.send("PUT", "/api/v1/accounts/" + number + "/addin/domains/" + domain, Json.createObjectBuilder()
                .add("encryptionType", encryptionType).add("rememberPasswordDays", rememberDays).add("flagType", flagType)
                .add("flagValue", flagValue).build().toString()));
    }

    /** A user of the account with a one-time password from the administrator; returns it. */
    public String userWithOneTimePassword(String number, String email) {
        return oneTimePassword(number, ApiSteps.addUser(admin, number, email));
    }

    public String oneTimePassword(String number, long userId) {
        ApiClient.Reply issued = admin.post("/api/v1/accounts/" + number + "/users/" + userId + "/one-time-password", null);
        expect(200, issued);
        return issued.json().getString("oneTimePassword");
    }

    /** A user who has replaced the one-time password with {@link #PASSWORD} (signing in to the add-in once, and out). */
    public void userWithPassword(String number, String email) {
        String oneTime = userWithOneTimePassword(number, email);
        ApiClient.Reply signedIn = signIn(email, oneTime, PASSWORD, email);
        expect(201, signedIn);
        expect(204, sender(signedIn.json().getString("token")).delete("/api/addin/v1/session"));
    }

    public ApiClient.Reply signIn(String email, String password, String newPassword, String mailbox) {
        var body = Json.createObjectBuilder().add("email", email).add("password", password).add("mailbox", mailbox);
        if (newPassword != null) {
            body.add("newPassword", newPassword);
        }
        return anonymous().post("/api/addin/v1/sign-in/password", body.build().toString());
    }

    /** Signs in with {@link #PASSWORD}; returns the add-in's session as the service answered. */
    public JsonObject session(String email, String mailbox) {
        ApiClient.Reply reply = signIn(email, PASSWORD, null, mailbox);
        expect(201, reply);
        return reply.json();
    }

    public ApiClient anonymous() {
        return new ApiClient(base, null);
    }

    public ApiClient sender(String token) {
        return new ApiClient(base, token);
    }

    public ApiClient admin() {
        return admin;
    }

    private static void expect(int status, ApiClient.Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("Expected HTTP " + status + ", the service answered " + reply.status() + ": " + reply.body());
        }
    }
}
