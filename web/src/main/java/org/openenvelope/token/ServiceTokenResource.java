package org.openenvelope.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;

/**
 * {@code /api/v1/tokens}: the service tokens page over HTTP, to read only, for service tokens only. Like an
 * account's tokens, they are created and revoked only in the portal.
 */
@Path("/v1/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Tokens")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
public class ServiceTokenResource {

    @Inject
    ApiTokenService tokens;

    @GET
    @Operation(summary = "Find the service tokens, by name",
            description = "Service tokens only. Searched and ordered as an account's tokens.")
    @APIResponse(responseCode = "200", description = "One page of service tokens")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    @APIResponse(responseCode = "403", ref = ApiResponses.NOT_A_SERVICE_TOKEN)
    public PageJson<TokenView> listServiceTokens(
            @QueryParam("q") String q,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(tokens.findServiceTokens(q, paging.page(), paging.size()));
    }
}
