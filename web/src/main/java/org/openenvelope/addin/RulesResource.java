package org.openenvelope.addin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.envelope.EnvelopeService;
import org.openenvelope.error.InvalidValueException;

/**
 * {@code /api/v1/accounts/{number}/rules}: the Rules tab, and the gateway's question of a message: Encrypt or Flag?
 */
@Path("/v1/accounts/{number}/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Envelopes")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class RulesResource {

    @EJB
    RuleService rules;

    @EJB
    EnvelopeService envelopes;

    /** A rule to add: when a recipient is at {@code value} (RECIPIENT_DOMAIN) or the subject has it (SUBJECT_KEYWORD). */
    @Schema(name = "EncryptionRuleRequest")
    public record RuleRequest(@Schema(enumeration = {"RECIPIENT_DOMAIN", "SUBJECT_KEYWORD"}, required = true) String condition,
                              @Schema(required = true, example = "partner.example") String value,
                              @Schema(enumeration = {"ENCRYPT", "FLAG"}, required = true) String action) {
    }

    @GET
    @Operation(summary = "The account's rules in their order; the first a message matches decides")
    public List<RuleView> rules(@PathParam("number") String number) {
        return rules.rules(number);
    }

    @POST
    @Operation(summary = "Add a rule after the others")
    @APIResponse(responseCode = "201", description = "The rules now")
    @APIResponse(responseCode = "400", description = "invalid_value naming condition, value or action")
    public Response addRule(@PathParam("number") String number, RuleRequest body) {
        RequestBodies.required(body);
        return Response.status(Response.Status.CREATED).entity(rules.addRule(number,
                choice(RuleCondition.class, "condition", body.condition()), body.value(),
                choice(EncryptionType.class, "action", body.action()))).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a rule")
    public List<RuleView> removeRule(@PathParam("number") String number, @PathParam("id") long id) {
        return rules.removeRule(number, id);
    }

    @POST
    @Path("decision")
    @Consumes("message/rfc822")
    @Operation(summary = "Encrypt or Flag for a message the gateway holds (RFC 5322), by the account's rules",
            description = "Answers {\"action\": \"ENCRYPT\" | \"FLAG\", \"rule\": \"…\"}, or {\"action\": null} when no"
                    + " rule matches (the gateway then acts on the add-in's flag as before).")
    @APIResponse(responseCode = "400", description = "invalid_value naming the field of a message that cannot be read")
    public JsonObject decide(@PathParam("number") String number, InputStream body) throws IOException {
        byte[] message = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, envelopes.maxMessageBytes() + 1));
        envelopes.requireWithinLimit(message.length);
        Optional<RuleView> rule = rules.decide(number, message);
        var json = Json.createObjectBuilder();
        if (rule.isPresent()) {
            json.add("action", rule.get().action().name()).add("rule", rule.get().describe());
        } else {
            json.addNull("action");
        }
        return json.build();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() + ".");
        }
    }
}
