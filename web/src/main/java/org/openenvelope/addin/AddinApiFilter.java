package org.openenvelope.addin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.api.ApiError;
import org.openenvelope.http.BaseUrl;

/**
 * CORS for the add-in's API, limited to the add-in's origin (the service's own, which serves the task pane;
 * more with {@code openenvelope.addin.allowed-origins}): a request from any other origin is refused outright, not
 * merely left unreadable, and no credentials are ever allowed cross-origin. Also the per-session rate limit.
 */
@Provider
@PreMatching
public class AddinApiFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ADDIN_PATH = "addin/";
    private static final String ORIGIN = "Origin";

    @Inject
    BaseUrl baseUrl;

    @Inject
    AddinRateLimits limits;

    @Inject
    @ConfigProperty(name = "openenvelope.addin.allowed-origins", defaultValue = " ")
    String extraOrigins;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isAddinApi(request)) {
            return;
        }
        String origin = request.getHeaderString(ORIGIN);
        if (origin != null && !allowedOrigins().contains(origin)) {
            request.abortWith(ApiError.of("origin_not_allowed", "The add-in's API answers only the add-in, served from "
                    + ownOrigin() + "; " + origin + " is not allowed.").response(Response.Status.FORBIDDEN));
            return;
        }
        if ("OPTIONS".equals(request.getMethod())) {
            request.abortWith(Response.noContent().header("Access-Control-Allow-Methods", "GET, POST, DELETE")
                    .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                    .header("Access-Control-Max-Age", "600").build());
            return;
        }
        bearer(request).ifPresent(limits::request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (isAddinApi(request) && origin != null && allowedOrigins().contains(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Vary", ORIGIN);
        }
    }

    private static boolean isAddinApi(ContainerRequestContext request) {
        return request.getUriInfo().getPath(false).replaceFirst("^/+", "").startsWith(ADDIN_PATH);
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).strip()) : Optional.empty();
    }

    private Set<String> allowedOrigins() {
        return Stream.concat(Stream.of(ownOrigin()), Arrays.stream(extraOrigins.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty())).collect(Collectors.toUnmodifiableSet());
    }

    private String ownOrigin() {
        URI base = URI.create(baseUrl.of(servletRequest));
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
