package org.openenvelope.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.audit.trail.AuditTrail;

/** {@code /api/v1/accounts/{number}/audit}: an account's audit trail, newest first. */
@Path("/v1/accounts/{number}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Audit")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    @Operation(summary = "Read the account's audit trail",
            description = "Newest first; filtered by part of the actor, an action's code, and from (inclusive) and"
                    + " until (exclusive): a date (a whole UTC day) or an ISO-8601 instant.")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    @APIResponse(responseCode = "400", description = "rejected_values naming action, from or until; or paging out of range")
    @APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
    public PageJson<AuditEntry> accountEvents(
            @PathParam("number") String number,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("until") String until,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(audit.accountEvents(number, AuditFilter.of(actor, action, from, until), paging.page(),
                paging.size()));
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/jsonl"})
    @Operation(summary = "Export the account's audit trail as CSV or JSON Lines",
            description = "Every event the filter passes (as for reading), newest first, streamed.")
    @APIResponse(responseCode = "400", description = "format not csv or jsonl, or rejected_values")
    @APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
    public Response export(@PathParam("number") String number, @QueryParam("format") String format,
                           @QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("from") String from, @QueryParam("until") String until) {
        AuditFilter filter = AuditFilter.of(actor, action, from, until);
        audit.accountEvents(number, filter, 0, 1); // refused before the answer starts, not in its middle
        return AuditExports.response(audit, number, format, filter);
    }
}
