package org.openenvelope.profile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import jakarta.servlet.http.Part;
import org.openenvelope.http.UploadedList;

/**
 * The Profiles tab: the account's domains and email addresses, and "Add Entries". A rejected list stays in the
 * text area as typed, so the administrator corrects the reported values instead of typing everything again.
 */
@Named("accountProfiles")
@ViewScoped
public class ProfilesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProfileService profiles;

    @Inject
    AccountTabBean tab;

    private String q;
    private int page = 1;
    private Page<ProfileEntryView> entries;
    private ProfileEntryType type = ProfileEntryType.DOMAIN;
    private String values;
    /** A CSV or plain list whose values join those typed (an export of another account, a registrar's list). */
    private transient Part valuesFile;

    public void load() throws IOException {
        if (tab.open(AccountTab.PROFILES)) {
            entries = profiles.findEntries(tab.getNumber(), q, page - 1, Paging.DEFAULT_SIZE);
        }
    }

    public String add() {
        try {
            takeFile();
            List<ProfileEntryView> added = profiles.addEntries(tab.getNumber(), type, ProfileInput.split(ProfileService.VALUES_FIELD, values));
            FormErrors.info("Added " + count(added.size(), type) + ".");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(ProfileService.VALUES_FIELD, "profiles:values"));
            return null;
        }
    }

    public String verify(ProfileEntryView entry) {
        try {
            profiles.verifyByDns(tab.getNumber(), entry.id());
            FormErrors.info("Verified " + entry.display() + ": its TXT record was found.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String verifyByHand(ProfileEntryView entry) {
        try {
            profiles.verifyByAdministrator(tab.getNumber(), entry.id());
            FormErrors.info("Verified " + entry.display() + " as service administrator.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    public String remove(ProfileEntryView entry) {
        try {
            profiles.removeEntry(tab.getNumber(), entry.id());
            FormErrors.info("Removed " + entry.type().label().toLowerCase(Locale.ROOT) + " " + entry.display() + ".");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal);
            return null;
        }
    }

    private static String count(int size, ProfileEntryType type) {
        return size + " " + type.label().toLowerCase(Locale.ROOT) + (size == 1 ? " entry" : " entries");
    }

    public List<ProfileEntryType> getTypes() {
        return List.of(ProfileEntryType.values());
    }

    public Page<ProfileEntryView> getEntries() {
        return entries;
    }

    public boolean isSearching() {
        return q != null && !q.isBlank();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public ProfileEntryType getType() {
        return type;
    }

    public void setType(ProfileEntryType type) {
        this.type = type;
    }

    /**
     * The uploaded list's values go into the text area, so that whatever is refused is there to correct, and the
     * file need not be uploaded again.
     */
    private void takeFile() {
        if (!UploadedList.given(valuesFile)) {
            return;
        }
        try {
            List<String> fromFile = ProfilesCsv.values(UploadedList.text(valuesFile, ProfileService.VALUES_FIELD));
            String typed = values == null || values.isBlank() ? "" : values.strip() + "\n";
            values = typed + String.join("\n", fromFile);
        } finally {
            valuesFile = null;
        }
    }

    public Part getValuesFile() {
        return valuesFile;
    }

    public void setValuesFile(Part valuesFile) {
        this.valuesFile = valuesFile;
    }

    public String getExportUrl() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + ProfilesExportServlet.PATH + "?account=" + tab.getNumber();
    }

    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = values;
    }
}
