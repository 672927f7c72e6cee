package org.openenvelope.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response.Status;

/** Request bodies are required where an operation takes one; an empty body or JSON {@code null} is a 400. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** @throws BadRequestException carrying the {@code missing_body} error when there is no body */
    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException(missing().response(Status.BAD_REQUEST));
        }
        return body;
    }

    static ApiError missing() {
        return ApiError.of("missing_body", "This operation needs a JSON object as the request body.");
    }
}
