package org.openenvelope.template;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.InvalidValueException;

/** {@code /api/v1/accounts/{number}/templates}: the Templates tab, the notification mail's wording per language. */
@Path("/v1/accounts/{number}/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Envelopes")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class TemplatesResource {

    @EJB
    TemplateService templates;

    @GET
    @Operation(summary = "The language notifications use, and each language's wording (the account's own or the service's)")
    public TemplatesView templates(@PathParam("number") String number) {
        return templates.templates(number);
    }

    @PUT
    @Path("{language}")
    @Operation(summary = "Keep the account's own wording in a language (en, de, fr)",
            description = "Placeholders: {sender}, {account}, {subject}, {attachment}, {service}, {expiry}, {open_link};"
                    + " any other name in braces is refused by name. The HTML keeps formatting, links and inline styles.")
    @APIResponse(responseCode = "400", description = "rejected_values naming subject, text or html; invalid_value on language")
    public TemplatesView save(@PathParam("number") String number, @PathParam("language") String language,
                              TemplateRequest body) {
        RequestBodies.required(body);
        return templates.saveTemplate(number, Languages.of(language), body.wording());
    }

    @DELETE
    @Path("{language}")
    @Operation(summary = "Restore defaults: the service's wording in this language again")
    public TemplatesView restore(@PathParam("number") String number, @PathParam("language") String language) {
        return templates.restoreStandard(number, Languages.of(language));
    }

    @POST
    @Path("{language}/preview")
    @Operation(summary = "The wording as a recipient would get it, with sample values; nothing is kept")
    @APIResponse(responseCode = "400", description = "As saving")
    public RenderedNotification preview(@PathParam("number") String number, @PathParam("language") String language,
                                        TemplateRequest body) {
        RequestBodies.required(body);
        return templates.preview(number, Languages.of(language), body.wording());
    }

    @PUT
    @Path("language")
    @Operation(summary = "The language the account's notification mails are written in: {\"language\": \"de\"}")
    @APIResponse(responseCode = "400", description = "invalid_value on language")
    public TemplatesView useLanguage(@PathParam("number") String number, JsonObject body) {
        RequestBodies.required(body);
        if (!body.containsKey("language") || body.get("language").getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
            throw new InvalidValueException("language", "language is required: en, de or fr.");
        }
        return templates.useLanguage(number, Languages.of(body.getString("language")));
    }
}
