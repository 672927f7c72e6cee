package org.openenvelope.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.error.TooManyRequestsException;

/**
 * A service's refusal, told to the API client in the words the portal uses: the exception's code and message,
 * the field it names, and for a rejected batch every rejected value.
 *
 * <p>Security: {@link ResourceNotFoundException} is also what an account-scoped token gets for another account,
 * so both read the same here (404, same code); that is what keeps account numbers from being enumerated.
 */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    @Override
    public Response toResponse(ServiceException refusal) {
        return response(refusal);
    }

    static Response response(ServiceException refusal) {
        String field = refusal instanceof InvalidValueException invalid ? invalid.field()
                : refusal instanceof ConflictException conflict ? conflict.field() : null;
        ApiError error = new ApiError(refusal.code(), refusal.getMessage(), field,
                refusal instanceof RejectedValuesException rejected ? rejected.problems() : null);
        if (refusal instanceof TooManyRequestsException tooMany) {
            return error.respond(Response.status(429).header("Retry-After", tooMany.retryAfterSeconds()));
        }
        return error.response(status(refusal));
    }

    private static Status status(ServiceException refusal) {
        if (refusal instanceof ResourceNotFoundException) {
            return Status.NOT_FOUND;
        }
        if (refusal instanceof AccessDeniedException) {
            return Status.FORBIDDEN;
        }
        if (refusal instanceof ConflictException) {
            return Status.CONFLICT;
        }
        return Status.BAD_REQUEST;
    }
}
