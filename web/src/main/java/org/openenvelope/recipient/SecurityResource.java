package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** {@code /api/v1/accounts/{number}/security}: the Security tab, how the account's recipients must sign in. */
@Path("/v1/accounts/{number}/security")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Envelopes")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class SecurityResource {

    @EJB
    RecipientSecurityService security;

    @GET
    @Operation(summary = "How the account's recipients must sign in; updatedAt is null while it has the defaults")
    public SecurityView security(@PathParam("number") String number) {
        return security.security(number);
    }

    @PUT
    @Operation(summary = "Set every recipient security setting at once",
            description = "Passwords are checked when recipients choose them through the account's envelopes; a"
                    + " password chosen under a shorter minimum must be replaced before it opens them.")
    @APIResponse(responseCode = "400", description = "rejected_values naming each field")
    public SecurityView changeSecurity(@PathParam("number") String number, SecurityRequest body) {
        RequestBodies.required(body);
        return security.changeSecurity(number, body.security());
    }
}
