package org.openenvelope.addin;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiError;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.audit.RequestOrigin;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.websafe.LoginRoute;
import org.openenvelope.websafe.PasswordSignInOutcome;
import org.openenvelope.websafe.UserPortalCookie;
import org.openenvelope.websafe.UserSignIn;

/**
 * {@code /api/addin/v1}: what the Outlook add-in calls, for its sender (not for administrators: their API tokens
 * open nothing here). Signing in is open (and rate-limited by {@link AddinApiFilter}); everything else needs the
 * add-in's bearer token. Only the add-in's own origin may call it from a browser.
 */
@Path("/addin/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outlook add-in", description = "Called by the add-in for the signed-in sender")
public class AddinApiResource {

    static final String SSO_COMPLETE = "/addin/sso";

    @EJB
    AddinService addin;

    @Inject
    BaseUrl baseUrl;

    @Inject
    AddinRateLimits limits;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest request;

    @POST
    @Path("sign-in/route")
    @Operation(summary = "How the sender signs in: a password, or the account's identity provider in a dialog")
    @APIResponse(responseCode = "200", description = "{\"route\":\"PASSWORD\"} or {\"route\":\"IDENTITY_PROVIDER\",\"signInUrl\":…}")
    @APIResponse(responseCode = "400", description = "invalid_value on email or mailbox")
    public JsonObject route(AddinSignInRequest body) {
        RequestBodies.required(body);
        limits.signIn(origin.address(), body.email());
        LoginRoute route = addin.route(body.email());
        if (route instanceof LoginRoute.SingleSignOn sso) {
            String complete = SSO_COMPLETE + "?mailbox=" + URLEncoder.encode(mailbox(body), StandardCharsets.UTF_8);
            return Json.createObjectBuilder().add("route", "IDENTITY_PROVIDER")
                    .add("signInUrl", baseUrl.of(request) + sso.signInPath() + "&RelayState="
                            + URLEncoder.encode(complete, StandardCharsets.UTF_8)).build();
        }
        if (route instanceof LoginRoute.Unavailable unavailable) {
            throw new InvalidValueException(UserSignIn.EMAIL, unavailable.message());
        }
        return Json.createObjectBuilder().add("route", "PASSWORD").build();
    }

    @POST
    @Path("sign-in/password")
    @Operation(summary = "Signs the sender in with a password; the answer carries the add-in's token, once")
    @APIResponse(responseCode = "201", description = "Signed in", content = @Content(schema = @Schema(implementation = AddinSessionJson.class)))
    @APIResponse(responseCode = "400", description = "invalid_value on email, password, newPassword or mailbox")
    @APIResponse(responseCode = "409", description = "password_change_required: a one-time password must be replaced (newPassword)")
    @APIResponse(responseCode = "429", description = "too_many_requests, with Retry-After")
    public Response signInWithPassword(AddinSignInRequest body) {
        RequestBodies.required(body);
        limits.signIn(origin.address(), body.email());
        char[] password = chars(body.password());
        char[] newPassword = chars(body.newPassword());
        try {
            PasswordSignInOutcome outcome = addin.signIn(body.email(), password, newPassword, body.mailbox());
            if (outcome instanceof PasswordSignInOutcome.SignedIn signedIn) {
                return signedIn(signedIn.sessionKey());
            }
            if (outcome instanceof PasswordSignInOutcome.MustChangePassword) {
                return ApiError.of("password_change_required", "Your administrator gave you a one-time password:"
                        + " choose your own password (at least 12 characters).", UserSignIn.NEW_PASSWORD)
                        .response(Response.Status.CONFLICT);
            }
            PasswordSignInOutcome.Refused refused = (PasswordSignInOutcome.Refused) outcome;
            return ApiError.of("invalid_value", refused.message(), refused.field()).response(Response.Status.BAD_REQUEST);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    @POST
    @Path("sign-in/identity-provider")
    @Operation(summary = "In the sign-in dialog, after the identity provider signed the sender in: the add-in's token",
            description = "Uses the user-portal session cookie the identity provider's sign-in set in the dialog.")
    @APIResponse(responseCode = "201", description = "Signed in", content = @Content(schema = @Schema(implementation = AddinSessionJson.class)))
    @APIResponse(responseCode = "403", description = "No user-portal session")
    public Response signInThroughIdentityProvider(AddinSignInRequest body) {
        RequestBodies.required(body);
        limits.signIn(origin.address(), null);
        return signedIn(addin.signInFromUserPortal(UserPortalCookie.read(request).orElse(null), body.mailbox()));
    }

    @GET
    @Path("session")
    @Operation(summary = "The signed-in sender, the mailbox, and what the add-in does with messages")
    public AddinSessionJson session(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return AddinSessionJson.of(null, addin.session(token(authorization)));
    }

    @DELETE
    @Path("session")
    @Operation(summary = "Signs the sender out of the add-in")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        addin.signOut(token(authorization));
    }

    @POST
    @Path("flows")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Starts the Encryption Flow of one message with the mailbox's encryption type",
            description = "Flag: the flow waits for the add-in's flag on the message. Encrypt: the body names the saved"
                    + " draft ({\"messageId\": REST id}); the service reads, seals, sends and deletes it in the background"
                    + " while the add-in polls the flow. The same draft asked for again answers 200 with its flow.")
    @APIResponse(responseCode = "201", description = "The flow, started",
            content = @Content(schema = @Schema(implementation = FlowView.class)))
    @APIResponse(responseCode = "200", description = "Encrypt: the flow of this draft, started before",
            content = @Content(schema = @Schema(implementation = FlowView.class)))
    @APIResponse(responseCode = "400", description = "invalid_value on messageId: Encrypt without a saved draft")
    public Response startFlow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        String token = token(authorization);
        FlowRequest message = FlowRequestJson.parse(body);
        AddinService.StartedFlow started;
        try {
            started = addin.startFlow(token, message, () -> baseUrl.forLinks(request));
        } catch (EJBException lostTheRace) {
            if (message.messageId() == null) {
                throw lostTheRace;
            }
            // the same draft asked for twice at once: the other request's flow is committed (one per draft), and
            // asking again finds it
            started = addin.startFlow(token, message, () -> baseUrl.forLinks(request));
        }
        return Response.status(started.started() ? Response.Status.CREATED : Response.Status.OK)
                .entity(started.flow()).build();
    }

    @POST
    @Path("decision")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Encrypt or Flag for this message, by the account's rules, else the mailbox domain's setting",
            description = "The body: {\"recipients\": [addresses], \"subject\": \"…\"}. The answer names the rule"
                    + " that decided, if one did; the flow request decides again with the same rules.")
    public JsonObject decide(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        AddinService.Decision decision = addin.decide(token(authorization), FlowRequestJson.parse(body));
        var json = Json.createObjectBuilder().add("encryptionType", decision.encryptionType().name());
        if (decision.rule() != null) {
            json.add("rule", decision.rule());
        }
        return json.build();
    }

    @POST
    @Path("flows/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Try again: an Encrypt flow that failed for a reason that may go away resumes where it stood")
    @APIResponse(responseCode = "409", description = "conflict on flow: it did not fail, or trying again does not help")
    public FlowView retry(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return addin.retry(token(authorization), id);
    }

    @GET
    @Path("flows/{id}")
    @Operation(summary = "The Encryption Flow Summary of one message")
    public FlowView flow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return addin.flow(token(authorization), id);
    }

    @POST
    @Path("flows/{id}/steps")
    @Operation(summary = "Reports a step the add-in took on the message (the flag), or why it failed")
    @APIResponse(responseCode = "409", description = "conflict on step: not the flow's next step")
    public FlowView report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                           FlowStepReport body) {
        RequestBodies.required(body);
        FlowStepName step;
        try {
            step = FlowStepName.valueOf(body.step() == null ? "" : body.step().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("step", "step must be FLAGGED.");
        }
        if (body.failure() != null && body.failure().length() > FlowStep.MAX_DETAIL) {
            throw new InvalidValueException("failure", "failure must be at most " + FlowStep.MAX_DETAIL + " characters.");
        }
        return addin.report(token(authorization), id, step, body.failure());
    }

    private Response signedIn(String token) {
        return Response.status(Response.Status.CREATED).entity(AddinSessionJson.of(token, addin.session(token))).build();
    }

    private static String mailbox(AddinSignInRequest body) {
        return UserSignIn.parse(AddinService.MAILBOX, body.mailbox()).value();
    }

    /** The mechanism has checked the token; here it only names the session. */
    private static String token(String authorization) {
        return authorization.substring("Bearer ".length()).strip();
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }
}
