package org.openenvelope.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.ItemsJson;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.http.CsvDownload;

/**
 * {@code /api/v1/accounts/{number}/profiles}: the Profiles tab over HTTP. Adding is all or nothing, with every
 * rejected value listed (code {@code rejected_values}), exactly as in the portal.
 */
@Path("/v1/accounts/{number}/profiles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Profiles")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", description = "No such account (or not this token's account) or entry")
public class ProfileResource {

    private static final String TYPE_FIELD = "type";
    private static final int MAX_ECHO = 100;

    @Inject
    ProfileService profiles;

    @GET
    @Operation(summary = "Find the account's domains and email addresses",
            description = "By type, then value; with q, those whose value contains it (any case; an internationalised"
                    + " term also in its punycode form).")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    public PageJson<ProfileEntryView> findEntries(
            @PathParam("number") String number,
            @QueryParam("q") @Parameter(description = "Search text") String q,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(profiles.findEntries(number, q, paging.page(), paging.size()));
    }

    @POST
    @Operation(summary = "Add domains or email addresses",
            description = "All values are added, or none: if any is invalid, listed twice or already claimed,"
                    + " nothing is saved and every problem is listed.")
    @APIResponse(responseCode = "201", description = "The added entries, in {\"items\": [...]}")
    @APIResponse(responseCode = "400", description = "rejected_values (with problems), invalid_value, bad JSON")
    public Response addEntries(@PathParam("number") String number, AddProfileEntriesRequest request) {
        RequestBodies.required(request);
        List<ProfileEntryView> added = profiles.addEntries(number, type(request.type()), values(request.values()));
        return Response.status(Status.CREATED).entity(ItemsJson.of(added)).build();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "Every domain and address of the account as CSV",
            description = "type, value, display, verification, verified_at, verified_by, txt_name, txt_value,"
                    + " created_at, created_by; every field quoted.")
    public Response exportEntries(@PathParam("number") String number) {
        return CsvDownload.response(ProfilesCsv.export(profiles.allEntries(number)), ProfilesCsv.fileName(number));
    }

    @POST
    @Path("{id}/verification")
    @Operation(summary = "Verify a domain or email address",
            description = "With no body or {\"method\": \"DNS\"}: looks up the entry's TXT record (txtValue at txtName)"
                    + " now. {\"method\": \"ADMINISTRATOR\"}: a service administrator vouches for it without DNS."
                    + " Only verified entries route sign-in, SSO, senders and recipients.")
    @APIResponse(responseCode = "200", description = "The entry, verified")
    @APIResponse(responseCode = "403", description = "ADMINISTRATOR by an account administrator")
    @APIResponse(responseCode = "409", description = "conflict (field verification): the record is not published,"
            + " DNS did not answer, or another account verified the value")
    public ProfileEntryView verifyEntry(@PathParam("number") String number, @PathParam("id") long id,
                                        VerifyProfileEntryRequest request) {
        String method = request == null || request.method() == null ? "DNS" : request.method();
        return switch (method) {
            case "DNS" -> profiles.verifyByDns(number, id);
            case "ADMINISTRATOR" -> profiles.verifyByAdministrator(number, id);
            default -> throw new InvalidValueException("method", "Method must be DNS or ADMINISTRATOR.");
        };
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a domain or email address")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeEntry(@PathParam("number") String number, @PathParam("id") long id) {
        profiles.removeEntry(number, id);
    }

    private static ProfileEntryType type(String value) {
        if (value == null) {
            throw new InvalidValueException(TYPE_FIELD, "Type is required: one of " + types() + ".");
        }
        try {
            return ProfileEntryType.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException(TYPE_FIELD, "Type must be one of " + types() + ".");
        }
    }

    private static String types() {
        return Arrays.stream(ProfileEntryType.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * A string is split like the portal's text area; an array is taken element by element. An element that
     * itself contains a separator is refused: as text it would be several values, so it is ambiguous.
     */
    private static List<String> values(JsonValue values) {
        if (values == null || values.getValueType() == JsonValue.ValueType.NULL) {
            return ProfileInput.split(ProfileService.VALUES_FIELD, null);
        }
        if (values instanceof JsonString text) {
            return ProfileInput.split(ProfileService.VALUES_FIELD, text.getString());
        }
        if (values instanceof JsonArray array) {
            List<String> elements = new ArrayList<>(array.size());
            for (JsonValue element : array) {
                if (!(element instanceof JsonString text)) {
                    throw new InvalidValueException(ProfileService.VALUES_FIELD,
                            "Every element of values must be a string.");
                }
                if (ProfileInput.containsSeparator(text.getString())) {
                    throw new InvalidValueException(ProfileService.VALUES_FIELD, "Array element \""
                            + printable(text.getString()) + "\" contains a separator; give each value its own"
                            + " element.");
                }
                elements.add(text.getString());
            }
            return elements;
        }
        throw new InvalidValueException(ProfileService.VALUES_FIELD,
                "Values must be a string (separated by commas, semicolons or line breaks) or an array of strings.");
    }

    private static String printable(String value) {
        String line = value.strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() > MAX_ECHO ? line.substring(0, MAX_ECHO) + "…" : line;
    }
}
