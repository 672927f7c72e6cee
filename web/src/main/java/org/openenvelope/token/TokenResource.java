package org.openenvelope.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * {@code /api/v1/accounts/{number}/tokens}: the account's Tokens tab over HTTP, to read only.
 *
 * <p>Security: tokens are created and revoked only in the portal, by a signed-in administrator, so a leaked token
 * cannot mint more or shut others out. A listed token shows its first characters, never its secret (which is not
 * stored).
 */
@Path("/v1/accounts/{number}/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Tokens")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
public class TokenResource {

    @Inject
    ApiTokenService tokens;

    @GET
    @Operation(summary = "Find the account's API tokens, by name",
            description = "q matches part of the name, any case. By name, the newest first among equal names;"
                    + " revoked and ended tokens included.")
    @APIResponse(responseCode = "200", description = "One page of tokens")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    @APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
    public PageJson<TokenView> listTokens(
            @PathParam("number") String number, @QueryParam("q") String q,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(tokens.findTokens(number, q, paging.page(), paging.size()));
    }
}
