package org.openenvelope.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openenvelope.error.DatabaseOutage;
import org.openenvelope.error.ServiceException;
import org.openenvelope.operations.ServiceLog;

/**
 * Everything no other mapper claims. First it looks through the cause chain, because the container wraps what
 * the API means to report: Jersey wraps JSON-B failures in {@code ProcessingException}, EJB and
 * {@code @Transactional} boundaries wrap system exceptions in {@code EJBException} or
 * {@code TransactionalException}. A {@link ServiceException} or a JSON binding failure found there is reported
 * as such; a lost optimistic lock is a 409; an unavailable database a 503 with {@code Retry-After} (the request
 * was fine, the client should try again). Anything else is a bug: it is logged with an incident id, and the
 * client gets only that id.
 *
 * <p>Security: the response never contains the exception's message or stack trace, which may name tables,
 * classes or values.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = ServiceLog.logger(UnexpectedExceptionMapper.class);
    private static final int MAX_DEPTH = 16;

    @Override
    public Response toResponse(Throwable thrown) {
        if (DatabaseOutage.explains(thrown)) {
            LOG.warning(() -> "Database unavailable, a REST API request answered 503: " + DatabaseOutage.describe(thrown));
            return ApiError.of("service_unavailable", DatabaseOutage.MESSAGE)
                    .respond(Response.status(Status.SERVICE_UNAVAILABLE)
                            .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ServiceException refusal) {
                return ServiceExceptionMapper.response(refusal);
            }
            if (cause instanceof OptimisticLockException) {
                return ApiError.of("conflict", "Someone else changed this at the same time; read it again and"
                        + " retry.").response(Status.CONFLICT);
            }
        }
        return JsonProblems.of(thrown)
                .map(error -> error.response(Status.BAD_REQUEST))
                .orElseGet(() -> internalError(thrown));
    }

    private static Response internalError(Throwable thrown) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "REST API request failed; incident " + incident, thrown);
        return ApiError.of("internal_error", "The request failed because of an error in the service. It was"
                + " logged as incident " + incident + ".").response(Status.INTERNAL_SERVER_ERROR);
    }
}
