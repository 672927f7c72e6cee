package org.openenvelope.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.openenvelope.error.DatabaseOutage;
import org.openenvelope.operations.ServiceLog;

/**
 * Pages and endpoints outside the REST API (which maps its own exceptions) answer an unavailable database with
 * the "service unavailable, try again" page (HTTP 503) instead of the generic error page of a bug.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseOutageFilter extends HttpFilter {

    private static final Logger LOG = ServiceLog.logger(DatabaseOutageFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.explains(failure) || response.isCommitted()) {
                throw failure;
            }
            LOG.warning(() -> "Database unavailable, " + request.getMethod() + " " + request.getRequestURI()
                    + " answered 503: " + DatabaseOutage.describe(failure));
            response.resetBuffer();
            response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
