package org.openenvelope.envelope;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openenvelope.api.ApiError;
import org.openenvelope.mail.MailTransportException;

/** The relay did not take a message: 502, saying which relay and what it answered (never the message). */
@Provider
public class MailTransportExceptionMapper implements ExceptionMapper<MailTransportException> {

    @Override
    public Response toResponse(MailTransportException failure) {
        return ApiError.of("mail_relay_failed", failure.getMessage()).response(Response.Status.BAD_GATEWAY);
    }
}
