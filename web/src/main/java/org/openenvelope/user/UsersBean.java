package org.openenvelope.user;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import jakarta.servlet.http.Part;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.UploadedList;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * The users of the account's user portal (from the Details tab): add and remove users, and give a user of a
 * Password account a one-time password, shown once here to hand over, which the user replaces at the first sign-in.
 */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    UserService service;

    @Inject
    AccountTabBean tab;

    private String q;
    private int page = 1;
    private Page<UserView> users;
    private String federationId;
    /** A CSV or plain list of federation IDs (another account's export, a directory's list). */
    private transient Part usersFile;
    /** Shown on this page once, then gone with the view. */
    private transient String issuedPassword;
    private transient String issuedFor;

    public void load() throws IOException {
        if (tab.open(AccountTab.DETAILS)) {
            users = service.findUsers(tab.getNumber(), q, page - 1, Paging.DEFAULT_SIZE);
        }
    }

    public String add() {
        try {
            UserView added = service.addUser(tab.getNumber(), federationId);
            FormErrors.info("Added " + added.federationId() + "." + (added.outsideVerifiedDomains()
                    ? " It is an address outside this account's verified domains: the user signs in only by single"
                    + " sign-on with exactly this ID, and email-first sign-in will not find them. Verify its domain on"
                    + " the Profiles tab if it belongs to this organisation." : ""));
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("federationId", "add:federationId"));
            return null;
        }
    }

    /**
     * Adds the users of the chosen file, all or none. When any line is refused, each is named with its number
     * next to the file field, and nothing is added: the administrator corrects the file and chooses it again.
     */
    public String addFile() {
        try {
            if (!UploadedList.given(usersFile)) {
                throw new InvalidValueException(UserService.FEDERATION_IDS_FIELD, "Choose a file of federation IDs.");
            }
            List<UserView> added = service.addUsers(tab.getNumber(),
                    UsersCsv.listed(UploadedList.text(usersFile, UserService.FEDERATION_IDS_FIELD)));
            long outside = added.stream().filter(UserView::outsideVerifiedDomains).count();
            FormErrors.info("Added " + added.size() + (added.size() == 1 ? " user" : " users") + " from "
                    + usersFile.getSubmittedFileName() + "." + (outside == 0 ? "" : " " + outside + " of them "
                    + (outside == 1 ? "is an address" : "are addresses") + " outside this account's verified domains:"
                    + " they sign in only by single sign-on with exactly their ID."));
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(UserService.FEDERATION_IDS_FIELD, "add:usersFile"));
            return null;
        } finally {
            usersFile = null;
        }
    }

    public String getExportUrl() {
        return Faces.getRequestContextPath() + UsersExportServlet.PATH + "?account=" + tab.getNumber();
    }

    public Part getUsersFile() {
        return usersFile;
    }

    public void setUsersFile(Part usersFile) {
        this.usersFile = usersFile;
    }

    public void issueOneTimePassword(UserView user) {
        issuedPassword = service.issueOneTimePassword(tab.getNumber(), user.id());
        issuedFor = user.federationId();
        users = service.findUsers(tab.getNumber(), q, page - 1, Paging.DEFAULT_SIZE);
    }

    public String endAddinSessions(UserView user) {
        int ended = service.endAddinSessions(tab.getNumber(), user.id());
        FormErrors.info(user.federationId() + " is signed out of the Outlook add-in ("
                + ended + (ended == 1 ? " session)." : " sessions)."));
        return tab.reload();
    }

    public String remove(UserView user) {
        service.removeUser(tab.getNumber(), user.id());
        FormErrors.info("Removed " + user.federationId() + "; their user-portal and add-in sessions have ended.");
        return tab.reload();
    }

    public Page<UserView> getUsers() { return users; }
    public boolean isSearching() { return q != null && !q.isBlank(); }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public String getFederationId() { return federationId; }
    public void setFederationId(String federationId) { this.federationId = federationId; }
    public String getIssuedPassword() { return issuedPassword; }
    public String getIssuedFor() { return issuedFor; }
}
