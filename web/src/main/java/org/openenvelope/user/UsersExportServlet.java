package org.openenvelope.user;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import org.openenvelope.http.AccountCsvExportServlet;

/** The Users page's download, {@code /admin/accounts/users-export?account=…}, behind the portal's sign-in. */
@WebServlet(urlPatterns = UsersExportServlet.PATH)
public class UsersExportServlet extends AccountCsvExportServlet {

    public static final String PATH = "/admin/accounts/users-export";

    private static final long serialVersionUID = 1L;

    @EJB
    UserService users;

    @Override
    protected String list() {
        return "users";
    }

    @Override
    protected String csv(String accountNumber) {
        return UsersCsv.export(users.allUsers(accountNumber));
    }
}
