package org.openenvelope.envelope;

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

/** {@code /api/v1/accounts/{number}/features}: the Features tab, what the account's envelopes allow. */
@Path("/v1/accounts/{number}/features")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Envelopes")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class FeaturesResource {

    @EJB
    AccountFeaturesService features;

    @GET
    @Operation(summary = "What the account's envelopes allow",
            description = "Secure Reply, Reply All, Forward, read receipts, default and longest expiry, largest message,"
                    + " and how recipients may sign in; updatedAt is null while the account has the service's defaults.")
    public FeaturesView features(@PathParam("number") String number) {
        return features.features(number);
    }

    @PUT
    @Operation(summary = "Set every feature at once",
            description = "Applies to what happens from now on: replies, openings, new envelopes' expiry; envelopes keep"
                    + " the expiry they have. Every problem is listed at once; nothing changes unless all are valid.")
    @APIResponse(responseCode = "200", description = "The features as they are now")
    @APIResponse(responseCode = "400", description = "rejected_values naming each field")
    public FeaturesView changeFeatures(@PathParam("number") String number, FeaturesRequest body) {
        RequestBodies.required(body);
        return features.changeFeatures(number, body.features());
    }
}
