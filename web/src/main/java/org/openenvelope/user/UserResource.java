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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.ItemsJson;
import org.openenvelope.api.RequestBodies;

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
    @Operation(summary = "List the account's users")
    public ItemsJson<UserView> listUsers(@PathParam("number") String number) {
        return ItemsJson.of(users.listUsers(number));
    }

    @POST
    @Operation(summary = "Add a user by federation ID")
    @APIResponse(responseCode = "201", description = "The added user")
    @APIResponse(responseCode = "409", description = "conflict: the account already has this user")
    public Response addUser(@PathParam("number") String number, AddUserRequest body) {
        RequestBodies.required(body);
        return Response.status(Response.Status.CREATED).entity(users.addUser(number, body.federationId())).build();
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
