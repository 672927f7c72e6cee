package org.openenvelope.envelope;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiError;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.mail.MailTransport;

/**
 * {@code /api/v1/accounts/{number}/envelopes}: what an organisation's mail gateway calls for the messages the
 * add-in flagged (a token and the message as {@code message/rfc822}; the answer is the encrypted message to
 * deliver, or with {@code ?send=true} the service delivers it), and the sender's and administrators' control of
 * an envelope afterwards.
 */
@Path("/v1/accounts/{number}/envelopes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Envelopes")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", description = "No such account (or not this token's account) or envelope")
public class EnvelopeResource {

    static final String RFC822 = "message/rfc822";

    @EJB
    EnvelopeService envelopes;

    @Inject
    MailTransport mail;

    @Inject
    BaseUrl baseUrl;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(RFC822)
    @Produces({RFC822, MediaType.APPLICATION_JSON})
    @Operation(summary = "Encrypt a message",
            description = "The body is the message (RFC 5322). Its From must be an address of the account's domains;"
                    + " To, Cc and Bcc are its recipients. Answers the encrypted message (message/rfc822: a short note"
                    + " and the securedoc attachment; Bcc recipients are not named in it) for the caller to deliver"
                    + " to every recipient, or with send=true sends it through the service's mail transport and"
                    + " answers the envelope. The envelope is committed before either.")
    @APIResponse(responseCode = "201", description = "The encrypted message, or with send=true the envelope")
    @APIResponse(responseCode = "400", description = "invalid_value / rejected_values: not a message, or its From,"
            + " To, Cc, Bcc or Subject unusable")
    @APIResponse(responseCode = "413", description = "message_too_large: larger than openenvelope.envelope.max-message-bytes"
            + " or the account's own limit (its Features)")
    @APIResponse(responseCode = "502", description = "mail_relay_failed (send=true): the envelope exists, the relay did"
            + " not take the message")
    public Response seal(@PathParam("number") String number,
                         @Parameter(description = "Deliver through the service's mail transport")
                         @QueryParam("send") @DefaultValue("false") boolean send, InputStream body) throws IOException {
        byte[] message = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, envelopes.maxMessageBytes() + 1));
        try {
            // the service's limit and the account's own (its Features)
            envelopes.requireWithinLimit(number, message.length);
        } catch (InvalidValueException tooLarge) {
            return new ApiError("message_too_large", tooLarge.getMessage(), "message", null)
                    .response(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        SealedEnvelope sealed = envelopes.seal(number, message, baseUrl.of(request));
        String id = sealed.envelope().id();
        URI location = URI.create(baseUrl.of(request) + "/api/v1/accounts/" + sealed.envelope().accountNumber()
                + "/envelopes/" + id);
        if (send) {
            mail.send(sealed.notification(), sealed.deliverTo());
            envelopes.recordSent(number, id, sealed.deliverTo().size());
            return Response.created(location).type(MediaType.APPLICATION_JSON_TYPE).entity(envelopes.envelope(number, id)).build();
        }
        StreamingOutput encrypted = out -> {
            try {
                sealed.notification().writeTo(out);
            } catch (jakarta.mail.MessagingException e) {
                throw new IOException("The encrypted message could not be written", e);
            }
        };
        return Response.created(location).type(RFC822).header(EnvelopeNotification.ENVELOPE_HEADER, id)
                .entity(encrypted).build();
    }

    @GET
    @Operation(summary = "Search the account's envelopes, newest first",
            description = "sender and recipient match part of an address (To, Cc or Bcc); from and until are ISO-8601"
                    + " instants of creation (from inclusive, until exclusive).")
    @APIResponse(responseCode = "200", description = "One page of envelopes")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    public PageJson<EnvelopeView> search(@PathParam("number") String number,
                                         @QueryParam("sender") String sender, @QueryParam("recipient") String recipient,
                                         @QueryParam("from") String from, @QueryParam("until") String until,
                                         @QueryParam(PageQuery.PAGE) String page, @QueryParam(PageQuery.SIZE) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(envelopes.search(number, new EnvelopeSearch(sender, recipient, instant("from", from),
                instant("until", until)), paging.page(), paging.size()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An envelope: sender, recipients (with their first opening), expiry, status")
    public EnvelopeView envelope(@PathParam("number") String number, @PathParam("id") String id) {
        return envelopes.envelope(number, id);
    }

    @POST
    @Path("{id}/lock")
    @Operation(summary = "Lock the envelope for every recipient", description = "Recipients see the reason. The key is kept.")
    @APIResponse(responseCode = "409", description = "conflict: the envelope's key is destroyed")
    public EnvelopeView lock(@PathParam("number") String number, @PathParam("id") String id, LockRequest body) {
        return envelopes.lock(number, id, RequestBodies.required(body).reason());
    }

    @DELETE
    @Path("{id}/lock")
    @Operation(summary = "Unlock the envelope")
    public EnvelopeView unlock(@PathParam("number") String number, @PathParam("id") String id) {
        return envelopes.unlock(number, id);
    }

    @PUT
    @Path("{id}/expiry")
    @Operation(summary = "Set or change when the envelope expires",
            description = "expiresAt: an ISO-8601 instant in the future, or null for never. An expired envelope can be"
                    + " revived until its key is destroyed (openenvelope.envelope.expired-key-grace-days after expiry).")
    public EnvelopeView changeExpiry(@PathParam("number") String number, @PathParam("id") String id, ExpiryRequest body) {
        return envelopes.changeExpiry(number, id, instant("expiresAt", RequestBodies.required(body).expiresAt()));
    }

    @POST
    @Path("{id}/revocations")
    @Operation(summary = "Revoke the envelope for one recipient, or for everyone",
            description = "{\"recipient\": \"address\"} or {\"everyone\": true}. When no recipient is left the key is"
                    + " destroyed and every copy of the envelope is unreadable for ever.")
    public EnvelopeView revoke(@PathParam("number") String number, @PathParam("id") String id, RevocationRequest body) {
        RevocationRequest revocation = RequestBodies.required(body);
        if (Boolean.TRUE.equals(revocation.everyone())) {
            return envelopes.revokeForEveryone(number, id);
        }
        if (revocation.recipient() == null || revocation.recipient().isBlank()) {
            throw new InvalidValueException("recipient", "Name the recipient to revoke the envelope for, or set everyone.");
        }
        return envelopes.revoke(number, id, revocation.recipient());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "\"" + value + "\" is not an ISO-8601 instant such as"
                    + " 2027-01-31T17:00:00Z.");
        }
    }

    public record LockRequest(String reason) {
    }

    public record ExpiryRequest(String expiresAt) {
    }

    public record RevocationRequest(String recipient, Boolean everyone) {
    }
}
