package org.openenvelope.api;

/**
 * The error responses many operations share, declared once in {@link ApiApplication}'s OpenAPI components and
 * referred to by name ({@code @APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)}). Every other
 * error response gets the {@link ApiError} shape from {@link ApiErrorResponses}.
 */
public final class ApiResponses {

    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String ACCOUNT_NOT_FOUND = "AccountNotFound";
    public static final String NOT_A_SERVICE_TOKEN = "NotAServiceToken";
    public static final String PAGING_OUT_OF_RANGE = "PagingOutOfRange";
    /** The schema component of {@link ApiError}. */
    static final String ERROR_SCHEMA = "ApiError";

    private ApiResponses() {
    }
}
