package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiError;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.audit.RequestOrigin;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.EnvelopeFeatures;
import org.openenvelope.envelope.EnvelopeOpening;
import org.openenvelope.envelope.EnvelopeRefusedException;
import org.openenvelope.envelope.EnvelopeReplies;
import org.openenvelope.envelope.SealedEnvelope;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.mail.MailTransport;

/**
 * The envelope viewer's API for recipients: sign-in by one-time code or password, codes and links by mail, and
 * the release of an envelope's key to the signed-in recipient. Answers about mail never depend on whether the
 * address is known; every state-changing request must come from the service's own pages.
 */
@Path("/recipient/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Envelope recipients", description = "Called by the envelope viewer in the recipient's browser")
public class RecipientResource {

    static final String CODE_SENT = "If this address may open the envelope, a code is on its way to it. It works once,"
            + " within 15 minutes; check your junk folder if it does not arrive.";
    static final String REGISTRATION_SENT = "If this address may open the envelope, we sent it a link to choose a"
            + " password. Follow it, then come back here and sign in.";
    static final String RESET_SENT = "If this address has a password here, we sent it a link to choose a new one.";
    static final String CODE_WRONG = "That code is wrong, expired or already used. Ask for a new code.";
    static final String PASSWORD_WRONG = "The address or password is wrong. After several wrong attempts, signing in"
            + " with a password pauses for a few minutes; you can also ask for a one-time code.";

    @EJB
    RecipientSignIn signIn;

    @EJB
    EnvelopeOpening opening;

    @EJB
    EnvelopeReplies replies;

    @Inject
    MailTransport mail;

    @Inject
    RecipientRateLimits limits;

    @Inject
    RequestOrigin origin;

    @Inject
    BaseUrl baseUrl;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Path("session")
    @Operation(summary = "The signed-in recipient")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "not_signed_in")
    public Response session() {
        return current().<Response>map(s -> Response.ok(RecipientSessionJson.of(s)).build()).orElseGet(RecipientResource::notSignedIn);
    }

    @DELETE
    @Path("session")
    @Operation(summary = "Signs the recipient out")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut() {
        sameOrigin();
        RecipientCookie.read(request).ifPresent(signIn::signOut);
        RecipientCookie.clear(request, response);
        return Response.noContent().build();
    }

    @POST
    @Path("sign-in/code")
    @Operation(summary = "Mails a one-time code to a recipient of the envelope; the same answer for any address")
    @APIResponse(responseCode = "202", description = "{\"message\": …}")
    @APIResponse(responseCode = "400", description = "invalid_value on address")
    @APIResponse(responseCode = "429", description = "too_many_requests, with Retry-After")
    public Response requestCode(RecipientRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, body.address());
        limits.mail(origin.address(), address);
        signIn.requestCode(address, body.envelope(), baseUrl.forLinks(request));
        return accepted(CODE_SENT);
    }

    @POST
    @Path("sign-in/method")
    @Operation(summary = "How the address signs in: at the identity provider of the organisation that owns its domain,"
            + " else by a mailed code or a password. Says nothing about whether the address may open the envelope")
    @APIResponse(responseCode = "200", description = "{\"method\": \"SSO\", \"organisation\": …, \"location\": …} or"
            + " {\"method\": \"CODE_OR_PASSWORD\"}")
    @APIResponse(responseCode = "400", description = "invalid_value on address or envelope")
    public Response signInMethod(RecipientRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        limits.client(origin.address());
        if (!Envelope.isPublicId(body.envelope())) {
            throw new InvalidValueException("envelope", "The envelope ID must be the 22 characters of the viewer's address.");
        }
        return Response.ok(signIn.organisationOf(body.address())
                .map(organisation -> Json.createObjectBuilder().add("method", "SSO").add("organisation", organisation.name())
                        .add("location", request.getContextPath() + "/saml/" + organisation.accountNumber()
                                + "/recipient?envelope=" + body.envelope() + "&idp=" + organisation.identityProvider()).build())
                .orElseGet(() -> Json.createObjectBuilder().add("method", "CODE_OR_PASSWORD").build())).build();
    }

    @POST
    @Path("sign-in/code/verify")
    @Operation(summary = "Signs the recipient in with the mailed code, which is then used up")
    @APIResponse(responseCode = "200", description = "Signed in; the session cookie is set")
    @APIResponse(responseCode = "401", description = "code_wrong")
    public Response signInWithCode(RecipientRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, body.address());
        limits.signIn(origin.address(), address);
        return signIn.signInWithCode(address, body.code()).map(this::signedIn)
                .orElseGet(() -> ApiError.of("code_wrong", CODE_WRONG, "code").response(Response.Status.UNAUTHORIZED));
    }

    @POST
    @Path("sign-in/password")
    @Operation(summary = "Signs a registered recipient in with their password")
    @APIResponse(responseCode = "200", description = "Signed in; the session cookie is set")
    @APIResponse(responseCode = "401", description = "sign_in_failed (wrong address or password, or paused after failures)")
    public Response signInWithPassword(RecipientRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, body.address());
        limits.signIn(origin.address(), address);
        char[] password = body.password() == null ? new char[0] : body.password().toCharArray();
        try {
            String envelope = Envelope.isPublicId(body.envelope()) ? body.envelope() : null;
            return signIn.signInWithPassword(address, password, envelope).map(this::signedIn)
                    .orElseGet(() -> ApiError.of("sign_in_failed", PASSWORD_WRONG, "password").response(Response.Status.UNAUTHORIZED));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @POST
    @Path("registrations")
    @Operation(summary = "Mails a recipient of the envelope a link to choose a password; the same answer for any address")
    @APIResponse(responseCode = "202", description = "{\"message\": …}")
    public Response register(RecipientRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, body.address());
        limits.mail(origin.address(), address);
        signIn.requestRegistration(address, body.envelope(), baseUrl.forLinks(request));
        return accepted(REGISTRATION_SENT);
    }

    @POST
    @Path("password-resets")
    @Operation(summary = "Mails a registered recipient a link to choose a new password; the same answer for any address")
    @APIResponse(responseCode = "202", description = "{\"message\": …}")
    public Response resetPassword(RecipientRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, body.address());
        limits.mail(origin.address(), address);
        signIn.requestPasswordReset(address, body.envelope(), baseUrl.forLinks(request));
        return accepted(RESET_SENT);
    }

    @POST
    @Path("envelopes/{envelope}/key")
    @Operation(summary = "The envelope's key for the signed-in recipient, if it opens for them now")
    @APIResponse(responseCode = "200", description = "The key and the record's facts")
    @APIResponse(responseCode = "401", description = "not_signed_in")
    @APIResponse(responseCode = "403", description = "locked (with reason), expired, revoked or not_a_recipient")
    @APIResponse(responseCode = "404", description = "No such envelope")
    public Response key(@PathParam("envelope") String envelopeId) {
        sameOrigin();
        Optional<RecipientSession> session = current();
        if (session.isEmpty()) {
            return notSignedIn();
        }
        try {
            signIn.requireOpenable(session.get(), envelopeId);
            return Response.ok(ReleasedKeyJson.of(opening.release(envelopeId, session.get().getAddress(),
                    EnvelopeFeatures.SignIn.valueOf(session.get().getMethod().name()), baseUrl.forLinks(request)))).build();
        } catch (EnvelopeRefusedException refused) {
            return refusal(refused);
        }
    }

    private static Response refusal(EnvelopeRefusedException refused) {
        var json = Json.createObjectBuilder().add("code", refused.refusal().code()).add("message", refused.getMessage());
        if (refused.lockReason() != null) {
            json.add("reason", refused.lockReason());
        }
        return Response.status(Response.Status.FORBIDDEN).entity(json.build()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("envelopes/{envelope}/replies")
    @Operation(summary = "Secure Reply, Reply All or Forward: a new envelope from the signed-in recipient, sent at once")
    @APIResponse(responseCode = "201", description = "{\"envelope\": id, \"to\": [addresses]}")
    @APIResponse(responseCode = "400", description = "invalid_value naming kind, to, text, files or original")
    @APIResponse(responseCode = "401", description = "not_signed_in")
    @APIResponse(responseCode = "403", description = "The original no longer opens for the recipient")
    @APIResponse(responseCode = "502", description = "mail_relay_failed")
    public Response reply(@PathParam("envelope") String envelopeId, ReplyRequest body) {
        RequestBodies.required(body);
        sameOrigin();
        Optional<RecipientSession> session = current();
        if (session.isEmpty()) {
            return notSignedIn();
        }
        String replier = session.get().getAddress();
        limits.reply(replier);
        SealedEnvelope sealed;
        try {
            sealed = replies.seal(envelopeId, replier, body.reply(), baseUrl.forLinks(request));
        } catch (EnvelopeRefusedException refused) {
            return refusal(refused);
        }
        // committed before it leaves, as every envelope
        mail.send(sealed.notification(), sealed.deliverTo());
        replies.recordSent(sealed.envelope().accountNumber(), sealed.envelope().id(), replier, sealed.deliverTo().size());
        var to = Json.createArrayBuilder();
        sealed.deliverTo().forEach(address -> to.add(address.getAddress()));
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("envelope", sealed.envelope().id()).add("to", to).build()).build();
    }

    private Optional<RecipientSession> current() {
        return RecipientCookie.read(request).flatMap(signIn::session);
    }

    private Response signedIn(StartedSession session) {
        RecipientCookie.write(request, response, session.sessionKey());
        return Response.ok(RecipientSessionJson.of(session)).build();
    }

    private void sameOrigin() {
        SameOriginRequests.require(request, baseUrl.of(request));
    }

    private static Response accepted(String message) {
        JsonObject json = Json.createObjectBuilder().add("message", message).build();
        return Response.accepted(json).build();
    }

    private static Response notSignedIn() {
        return ApiError.of("not_signed_in", "Sign in to open the envelope.").response(Response.Status.UNAUTHORIZED);
    }
}
