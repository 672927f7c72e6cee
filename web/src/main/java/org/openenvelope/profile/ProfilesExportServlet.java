package org.openenvelope.profile;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openenvelope.error.ServiceException;

/** The Profiles tab's download, {@code /admin/accounts/profiles-export?account=…}, behind the portal's sign-in. */
@WebServlet(urlPatterns = ProfilesExportServlet.PATH)
public class ProfilesExportServlet extends HttpServlet {

    public static final String PATH = "/admin/accounts/profiles-export";

    @EJB
    ProfileService profiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = request.getParameter("account");
        String csv;
        try {
            csv = ProfilesCsv.export(profiles.allEntries(account));
        } catch (ServiceException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        response.setContentType(ProfilesCsv.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ProfilesCsv.fileName(account) + "\"");
        response.getWriter().write(csv);
    }
}
