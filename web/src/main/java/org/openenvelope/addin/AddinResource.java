package org.openenvelope.addin;

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
import org.openenvelope.http.BaseUrl;

/** {@code /api/v1/accounts/{number}/addin}: Addin Config steps 2 and 3. */
@Path("/v1/accounts/{number}/addin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Microsoft 365")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class AddinResource {

    @EJB
    AddinConfigurationService configurations;

    @jakarta.inject.Inject
    BaseUrl baseUrl;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    @GET
    @Path("manifest")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Download Manifest (step 3): the Outlook add-in manifest XML",
            description = "Upload it in the Microsoft 365 admin center: Integrated apps → Deploy add-in → custom app.")
    @APIResponse(responseCode = "200", description = "The manifest, as an attachment")
    @APIResponse(responseCode = "409", description = "conflict: the service's base URL is not https")
    public jakarta.ws.rs.core.Response manifest(@PathParam("number") String number) {
        return jakarta.ws.rs.core.Response.ok(configurations.manifest(number, baseUrl.of(request)))
                .header("Content-Disposition", "attachment; filename=\"openenvelope-addin-" + number + ".xml\"").build();
    }

    @GET
    @Operation(summary = "What the add-in does per Profiles domain, and the manifest's id and revision")
    public AddinConfigurationView configuration(@PathParam("number") String number) {
        return configurations.configuration(number);
    }

    @PUT
    @Path("domains/{domain}")
    @Operation(summary = "Save Configuration for one domain (step 2)")
    @APIResponse(responseCode = "400", description = "invalid_value on domain, or rejected_values naming each wrong setting")
    public AddinConfigurationView saveDomain(@PathParam("number") String number, @PathParam("domain") String domain,
                                             DomainSettingsRequest body) {
        RequestBodies.required(body);
        return configurations.saveDomain(number, domain, body.settings());
    }

    @PUT
    @Path("domains")
    @Operation(summary = "Save Configuration for all domains (step 2)")
    @APIResponse(responseCode = "409", description = "conflict: the account has no domains yet")
    public AddinConfigurationView saveAllDomains(@PathParam("number") String number, DomainSettingsRequest body) {
        RequestBodies.required(body);
        return configurations.saveAllDomains(number, body.settings());
    }
}
