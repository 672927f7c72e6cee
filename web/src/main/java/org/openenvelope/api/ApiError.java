package org.openenvelope.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.error.ValueProblem;

/**
 * The one shape of every API error: a stable machine-readable {@code code}, a {@code message} written for a
 * person, and where it helps the JSON property at fault ({@code field}) or, for a rejected batch, each rejected
 * value ({@code problems}). Absent parts are left out of the JSON. Never carries stack traces or secrets.
 */
@Schema(name = "Error", description = "An API error")
public record ApiError(
        @Schema(description = "Machine-readable, stable", example = "invalid_value")
        String code,
        @Schema(description = "For people; may change between releases")
        String message,
        @Schema(description = "The JSON property or query parameter at fault, when there is one")
        String field,
        @Schema(description = "Every rejected value of a batch (code rejected_values)")
        List<ValueProblem> problems) {

    public ApiError {
        problems = problems == null || problems.isEmpty() ? null : List.copyOf(problems);
    }

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null, null);
    }

    public static ApiError of(String code, String message, String field) {
        return new ApiError(code, message, field, null);
    }

    /** This error as a JSON response with the given status. */
    public Response response(Response.StatusType status) {
        return respond(Response.status(status));
    }

    /** This error as the JSON entity of an existing response builder (keeping its status and headers). */
    public Response respond(Response.ResponseBuilder builder) {
        return builder.entity(this).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
