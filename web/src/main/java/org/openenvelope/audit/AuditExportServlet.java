package org.openenvelope.audit;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.ServiceException;

/**
 * The portal's audit export, {@code /admin/audit-export?format=csv|jsonl[&account=…][&actor=…&action=…&from=…&until=…]}:
 * behind the portal's sign-in, as the API's export is behind tokens; an account's events, or the service's for
 * service administrators.
 */
@WebServlet(urlPatterns = AuditExportServlet.PATH)
public class AuditExportServlet extends HttpServlet {

    public static final String PATH = "/admin/audit-export";

    @EJB
    AuditTrail trail;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AuditExport> format = AuditExport.of(request.getParameter("format"));
        if (format.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format must be csv or jsonl");
            return;
        }
        String account = request.getParameter("account");
        AuditFilter filter;
        try {
            filter = AuditFilter.of(request.getParameter("actor"), request.getParameter("action"),
                    request.getParameter("from"), request.getParameter("until"));
        } catch (ServiceException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        response.setContentType(format.get().mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + format.get().fileName(
                account == null || account.isBlank() ? null : account) + "\"");
        try {
            format.get().write(trail, account == null || account.isBlank() ? null : account, filter,
                    response.getOutputStream());
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(e instanceof AccessDeniedException ? 403 : 404, e.getMessage());
            }
        }
    }
}
