package org.openenvelope.administrator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/** {@code /api/v1/accounts/{number}/administrator-sign-in}: how the account's administrators sign in to the portal. */
@Path("/v1/accounts/{number}/administrator-sign-in")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Administrators")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class SignInPolicyResource {

    @Inject
    SecondFactorService secondFactors;

    @GET
    @Operation(summary = "How administrators sign in",
            description = "Whether a second factor is required after the password (requiredServiceWide: the service"
                    + " requires it whatever the account says), and whether the account's identity provider signs"
                    + " administrators in; updatedAt is null while nothing was changed.")
    public SignInPolicyView policy(@PathParam("number") String number) {
        return secondFactors.policy(number);
    }

    @PUT
    @Operation(summary = "Set how administrators sign in")
    @APIResponse(responseCode = "200", description = "As it is now")
    @APIResponse(responseCode = "400", description = "A switch missing, or identity provider sign-in without an"
            + " identity provider in force")
    public SignInPolicyView change(@PathParam("number") String number, SignInPolicyRequest body) {
        RequestBodies.required(body);
        body.requireBoth();
        return secondFactors.changePolicy(number, body.secondFactorRequired(), body.identityProviderSignIn());
    }
}
