package org.openenvelope.profile;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import org.openenvelope.http.AccountCsvExportServlet;

/** The Profiles tab's download, {@code /admin/accounts/profiles-export?account=…}, behind the portal's sign-in. */
@WebServlet(urlPatterns = ProfilesExportServlet.PATH)
public class ProfilesExportServlet extends AccountCsvExportServlet {

    public static final String PATH = "/admin/accounts/profiles-export";

    private static final long serialVersionUID = 1L;

    @EJB
    ProfileService profiles;

    @Override
    protected String list() {
        return "profiles";
    }

    @Override
    protected String csv(String accountNumber) {
        return ProfilesCsv.export(profiles.allEntries(accountNumber));
    }
}
