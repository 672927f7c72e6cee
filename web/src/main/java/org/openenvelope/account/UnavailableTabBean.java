package org.openenvelope.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import org.omnifaces.util.Faces;

/** The page behind every account tab that this version does not have yet; {@code tab} names which one. */
@Named("unavailableTab")
@ViewScoped
public class UnavailableTabBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountTabBean tab;

    private String key;

    public void load() throws IOException {
        Optional<AccountTab> requested = AccountTab.ofKey(key).filter(candidate -> !candidate.isAvailable());
        if (requested.isEmpty()) {
            Faces.responseSendError(404, "There is no account tab \"" + key + "\".");
            return;
        }
        tab.open(requested.get());
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
