package org.openenvelope.administrator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.ResourceNotFoundException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;

/**
 * {@code /api/v1/accounts/{number}/administrators}: the Groups tab over HTTP.
 *
 * <p>Security: the only secret this API ever returns is a new administrator's initial password, once, in the
 * response to the POST that created it (responses are {@code Cache-Control: no-store}); it is stored only as a
 * hash and must be replaced at first sign-in. Listing never shows password material.
 */
@Path("/v1/accounts/{number}/administrators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Administrators")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", description = "No such account (or not this token's account) or administrator")
public class AdministratorResource {

    @Inject
    AdministratorService administrators;

    @Inject
    SecondFactorService secondFactors;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Find the account's administrators, by email",
            description = "q matches part of the email or name, any case.")
    @APIResponse(responseCode = "200", description = "One page of administrators")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    public PageJson<AdministratorView> listAdministrators(
            @PathParam("number") String number, @QueryParam("q") String q,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(administrators.findAdministrators(number, q, paging.page(), paging.size()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one administrator")
    @APIResponse(responseCode = "200", description = "The administrator")
    public AdministratorView getAdministrator(@PathParam("number") String number, @PathParam("id") long id) {
        return administrators.listAdministrators(number).stream()
                .filter(administrator -> administrator.id() == id)
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Administrator " + id
                        + " was not found in account " + number + "."));
    }

    @POST
    @Operation(summary = "Add an administrator",
            description = "Returns the administrator and a one-time initial password, which is not shown again;"
                    + " the administrator must replace it at first sign-in.")
    @APIResponse(responseCode = "201", description = "Added; Location names the administrator",
            content = @Content(schema = @Schema(implementation = AddedAdministrator.class)))
    @APIResponse(responseCode = "400", description = "Invalid email or display name, bad JSON, unknown property")
    @APIResponse(responseCode = "409", description = "The email address already has an administrator sign-in")
    public Response addAdministrator(@PathParam("number") String number, AddAdministratorRequest request) {
        RequestBodies.required(request);
        AddedAdministrator added = administrators.addAdministrator(number, request.email(), request.displayName());
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(String.valueOf(added.administrator().id())).build())
                .entity(added).build();
    }

    @DELETE
    @Path("{id}/second-factor")
    @Operation(summary = "Reset an administrator's second factor",
            description = "For someone who lost their phone and recovery codes: their authenticator app and recovery"
                    + " codes are removed; where one is required, they set up a new app at their next sign-in.")
    @APIResponse(responseCode = "200", description = "The administrator, now without a second factor")
    @APIResponse(responseCode = "409", description = "The administrator has no second factor")
    public AdministratorView resetSecondFactor(@PathParam("number") String number, @PathParam("id") long id) {
        return secondFactors.reset(number, id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an administrator", description = "The account's last administrator stays.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The account's last administrator")
    public void removeAdministrator(@PathParam("number") String number, @PathParam("id") long id) {
        administrators.removeAdministrator(number, id);
    }
}
