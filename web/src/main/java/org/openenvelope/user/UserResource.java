package org.openenvelope.user;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.ItemsJson;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.http.CsvDownload;
import org.openenvelope.http.UploadedList;

/** {@code /api/v1/accounts/{number}/users}: who may sign in to the account's user portal. */
@Path("/v1/accounts/{number}/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Users")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", description = "No such account (or not this token's account) or user")
public class UserResource {

    @EJB
    UserService users;

    @GET
    @Operation(summary = "Find the account's users", description = "By federation ID; with q, those whose federation ID"
            + " contains it (any case).")
    @APIResponse(responseCode = "200", description = "One page of users")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    public PageJson<UserView> findUsers(
            @PathParam("number") String number,
            @QueryParam("q") @Parameter(description = "Search text") String q,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(users.findUsers(number, q, paging.page(), paging.size()));
    }

    @POST
    @Operation(summary = "Add a user by federation ID")
    @APIResponse(responseCode = "201", description = "The added user")
    @APIResponse(responseCode = "409", description = "conflict: the account already has this user")
    public Response addUser(@PathParam("number") String number, AddUserRequest body) {
        RequestBodies.required(body);
        return Response.status(Response.Status.CREATED).entity(users.addUser(number, body.federationId())).build();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "Every user of the account as CSV",
            description = "federation_id, origin, created_at, created_by, last_sign_in_at, password (NONE, ONE_TIME or"
                    + " SET: never the password), addin_sessions, outside_verified_domains; by federation ID, every"
                    + " field quoted.")
    @APIResponse(responseCode = "200", description = "The CSV file, as an attachment")
    public Response exportUsers(@PathParam("number") String number) {
        return CsvDownload.response(UsersCsv.export(users.allUsers(number)), UsersCsv.fileName(number));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Add the users of a list, all or none",
            description = "A CSV file (its federation_id, email or user name column, else its first) or a plain list,"
                    + " one federation ID a line, at most " + UserList.MAX_USERS + " and 1 MiB. If any line is refused,"
                    + " no user is added.")
    @APIResponse(responseCode = "201", description = "The added users, in {\"items\": [...]}")
    @APIResponse(responseCode = "400", description = "rejected_values: each problem names its line and why (an"
            + " invalid federation ID, one listed before, a user the account has); invalid_value for an empty or too"
            + " long list")
    public Response importUsers(@PathParam("number") String number, String list) {
        List<UserView> added = users.addUsers(number,
                UsersCsv.listed(UploadedList.text(list, UserService.FEDERATION_IDS_FIELD)));
        return Response.status(Response.Status.CREATED).entity(ItemsJson.of(added)).build();
    }

    @POST
    @Path("{id}/one-time-password")
    @Operation(summary = "Issue a one-time password for the user portal (Password accounts)",
            description = "Shown in this answer only; hand it to the user out of band. The user must choose a new"
                    + " password at the first sign-in. Replaces any earlier password and clears a lockout.")
    @APIResponse(responseCode = "200", description = "{\"oneTimePassword\": \"…\"}")
    public jakarta.json.JsonObject issueOneTimePassword(@PathParam("number") String number, @PathParam("id") long id) {
        return jakarta.json.Json.createObjectBuilder().add("oneTimePassword", users.issueOneTimePassword(number, id)).build();
    }

    @DELETE
    @Path("{id}/addin-sessions")
    @Operation(summary = "Sign the user out of every Outlook add-in",
            description = "For a lost device, or a federated user the identity provider no longer knows: a remembered"
                    + " add-in sign-in otherwise lasts the domain's remember-password days.")
    @APIResponse(responseCode = "200", description = "{\"ended\": n}")
    public jakarta.json.JsonObject endAddinSessions(@PathParam("number") String number, @PathParam("id") long id) {
        return jakarta.json.Json.createObjectBuilder().add("ended", users.endAddinSessions(number, id)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a user; their user-portal and add-in sessions end")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeUser(@PathParam("number") String number, @PathParam("id") long id) {
        users.removeUser(number, id);
    }
}
