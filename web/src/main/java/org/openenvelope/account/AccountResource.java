package org.openenvelope.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.PageJson;
import org.openenvelope.api.PageQuery;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.InvalidValueException;

/**
 * {@code /api/v1/accounts}: Accounts → Manage Accounts over HTTP. An account-scoped token sees only its own
 * account (another account's number answers 404, as if it did not exist); creating, suspending and reactivating
 * accounts needs a service token. {@link AccountService} makes those decisions.
 */
@Path("/v1/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Accounts")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
public class AccountResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    @Inject
    AccountService accounts;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Find accounts",
            description = "By name (contains, any case) or number (prefix), ordered by name. An account token"
                    + " finds only its own account.")
    @APIResponse(responseCode = "200", description = "One page of accounts")
    @APIResponse(responseCode = "400", ref = ApiResponses.PAGING_OUT_OF_RANGE)
    public PageJson<AccountSummary> findAccounts(
            @QueryParam("q") @Parameter(description = "Search text") String q,
            @QueryParam(PageQuery.PAGE) @Parameter(description = "Page, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam(PageQuery.SIZE) @Parameter(description = "Page size, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageJson.of(accounts.findAccounts(q, paging.page(), paging.size()));
    }

    @POST
    @Operation(summary = "Create an account", description = "Service tokens only. The number is assigned.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new account",
            content = @Content(schema = @Schema(implementation = AccountSummary.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, bad JSON, unknown property")
    @APIResponse(responseCode = "403", ref = ApiResponses.NOT_A_SERVICE_TOKEN)
    public Response createAccount(CreateAccountRequest request) {
        AccountSummary created = accounts.createAccount(RequestBodies.required(request).name());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.number()).build())
                .entity(created).build();
    }

    @GET
    @Path("{number}")
    @Operation(summary = "Read an account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
    public AccountSummary getAccount(@PathParam("number") String number) {
        return accounts.getAccount(number);
    }

    /**
     * Renames and/or changes the status, all or nothing: the service calls share this method's transaction, so
     * a refused status change also undoes the rename. Asking for the status the account already has changes
     * nothing (PATCH states the wanted result).
     */
    @PATCH
    @Path("{number}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @Transactional
    @Operation(summary = "Rename, suspend or reactivate an account",
            description = "Properties left out stay as they are. Changing the status needs a service token;"
                    + " the status the account already has is accepted and changes nothing.")
    @APIResponse(responseCode = "200", description = "The account after the change")
    @APIResponse(responseCode = "400", description = "Invalid name or status, bad JSON, unknown property")
    @APIResponse(responseCode = "403", description = "Status change with an account token")
    @APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
    public AccountSummary updateAccount(@PathParam("number") String number, UpdateAccountRequest request) {
        RequestBodies.required(request);
        AccountStatus wanted = request.status() == null ? null : status(request.status());
        AccountSummary account = accounts.getAccount(number);
        if (request.name() != null) {
            account = accounts.renameAccount(number, request.name());
        }
        if (wanted == AccountStatus.SUSPENDED && account.status() != AccountStatus.SUSPENDED) {
            account = accounts.suspendAccount(number);
        } else if (wanted == AccountStatus.ACTIVE && account.status() != AccountStatus.ACTIVE) {
            account = accounts.reactivateAccount(number);
        }
        return account;
    }

    private static AccountStatus status(String value) {
        try {
            return AccountStatus.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("status", "Status must be one of "
                    + Arrays.stream(AccountStatus.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ".");
        }
    }
}
