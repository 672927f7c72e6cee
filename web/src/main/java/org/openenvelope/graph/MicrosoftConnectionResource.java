package org.openenvelope.graph;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
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

/** {@code /api/v1/accounts/{number}/microsoft-365}: Addin Config step 1, the account's Entra ID app registration. */
@Path("/v1/accounts/{number}/microsoft-365")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Microsoft 365")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class MicrosoftConnectionResource {

    @EJB
    MicrosoftConnectionService connections;

    @GET
    @Operation(summary = "Tenant ID, client ID, whether a client secret is set (its hint and when it was saved), the last test")
    public MicrosoftConnectionView connection(@PathParam("number") String number) {
        return connections.connection(number);
    }

    @PUT
    @Operation(summary = "Save the Azure AD details (step 1)",
            description = "The secret is sealed at once and never returned; leave it out to keep the one set.")
    @APIResponse(responseCode = "200", description = "The details as saved")
    @APIResponse(responseCode = "400", description = "rejected_values naming tenantId, clientId or clientSecret")
    public MicrosoftConnectionView saveDetails(@PathParam("number") String number, MicrosoftConnectionRequest body) {
        RequestBodies.required(body);
        return connections.saveDetails(number, body.tenantId(), body.clientId(), body.clientSecret());
    }

    @POST
    @Path("test")
    @Operation(summary = "Test connection: obtain a token and report permission by permission",
            description = "outcome CONNECTED, PERMISSIONS_MISSING, CONSENT_NOT_GRANTED, or FAILED with problem"
                    + " (unknown_tenant, wrong_client_id, wrong_secret, expired_secret, unavailable, …) and what to do.")
    @APIResponse(responseCode = "200", description = "The outcome")
    @APIResponse(responseCode = "409", description = "conflict: step 1 is not saved yet")
    public ConnectionTest test(@PathParam("number") String number) {
        return connections.testConnection(number);
    }
}
