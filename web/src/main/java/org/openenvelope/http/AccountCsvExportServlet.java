package org.openenvelope.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openenvelope.error.ServiceException;

/**
 * A portal download of one of an account's lists as CSV, {@code …?account=<number>}, behind the portal's sign-in.
 * The service decides whether the signed-in administrator may see the account; an account they may not see is
 * answered as one that does not exist.
 */
public abstract class AccountCsvExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The list's name in the file name, e.g. {@code users}. */
    protected abstract String list();

    /** The account's list as CSV. */
    protected abstract String csv(String accountNumber);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = request.getParameter("account");
        String csv;
        try {
            csv = csv(account);
        } catch (ServiceException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        response.setContentType(CsvDownload.MEDIA_TYPE);
        response.setHeader("Content-Disposition", CsvDownload.contentDisposition(CsvDownload.fileName(list(), account)));
        response.getWriter().write(csv);
    }
}
