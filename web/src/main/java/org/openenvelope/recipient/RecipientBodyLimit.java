package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.openenvelope.api.ApiError;
import org.openenvelope.envelope.EnvelopeService;

/**
 * Anyone may call the recipient API, so its bodies are capped before they are read: at most an envelope's worth
 * of base64 (a Secure Reply with its files). A body without a length is refused the same way.
 */
@Provider
@PreMatching
public class RecipientBodyLimit implements ContainerRequestFilter {

    @EJB
    EnvelopeService envelopes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath(false).replaceFirst("^/+", "").startsWith("recipient/") || !request.hasEntity()) {
            return;
        }
        long limit = envelopes.maxMessageBytes() * 4 / 3 + 1_048_576;
        if (request.getLength() < 0 || request.getLength() > limit) {
            request.abortWith(ApiError.of("message_too_large", "The request is larger than an envelope can hold"
                    + " (or says not how large it is).").response(Response.Status.REQUEST_ENTITY_TOO_LARGE));
        }
    }
}
