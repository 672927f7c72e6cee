package org.openenvelope.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * What JAX-RS itself refuses (no such path, wrong method, wrong media type, empty or unreadable body), in the
 * API's error shape instead of the container's HTML error page. Headers of the original response, such as
 * {@code Allow} on a 405, are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final int MAX_PATH = 200;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException refusal) {
        Response original = refusal.getResponse();
        return error(refusal, original.getStatus()).respond(Response.fromResponse(original).entity(null));
    }

    private ApiError error(WebApplicationException refusal, int status) {
        return switch (status) {
            case 400 -> badRequest(refusal);
            case 404 -> ApiError.of("not_found", "There is no API resource at " + requested() + ".");
            case 405 -> ApiError.of("method_not_allowed", requested() + " does not support "
                    + request.getMethod() + "; see the Allow header.");
            case 406 -> ApiError.of("not_acceptable", "This API answers in application/json (the add-in manifest in application/xml).");
            case 415 -> ApiError.of("unsupported_media_type",
                    "Send the request body as JSON with \"Content-Type: application/json\".");
            default -> ApiError.of(codeOf(refusal.getResponse().getStatusInfo().getReasonPhrase(), status),
                    refusal.getResponse().getStatusInfo().getReasonPhrase() + ".");
        };
    }

    private static ApiError badRequest(WebApplicationException refusal) {
        for (Throwable cause = refusal.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof NoContentException) {
                return RequestBodies.missing();
            }
        }
        return JsonProblems.of(refusal)
                .orElseGet(() -> ApiError.of("bad_request", "The request could not be understood."));
    }

    private String requested() {
        String path = "/" + uriInfo.getBaseUri().getPath().replaceAll("^/+|/+$", "") + "/" + uriInfo.getPath(false)
                .replaceAll("^/+", "");
        String printable = path.replaceAll("[^\\p{Graph}]", "?");
        return printable.length() > MAX_PATH ? printable.substring(0, MAX_PATH) + "…" : printable;
    }

    private static String codeOf(String reason, int status) {
        return reason == null ? "http_" + status
                : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
