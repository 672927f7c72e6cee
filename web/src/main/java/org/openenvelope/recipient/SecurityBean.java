package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/** The Security tab: one form for how the account's recipients must sign in. */
@Named("security")
@ViewScoped
public class SecurityBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> FIELDS = List.of("passwordMinLength", "freeAttempts", "firstLockMinutes",
            "sessionMinutes");

    @EJB
    RecipientSecurityService service;

    @Inject
    AccountTabBean tab;

    private transient SecurityView view;
    private Integer passwordMinLength;
    private boolean rejectCommonPasswords;
    private Integer freeAttempts;
    private Integer firstLockMinutes;
    private Integer sessionMinutes;
    private boolean noScriptReading;

    public void load() throws IOException {
        if (tab.open(AccountTab.SECURITY) && passwordMinLength == null) {
            RecipientSecurity s = getView().security();
            passwordMinLength = s.passwordMinLength();
            rejectCommonPasswords = s.rejectCommonPasswords();
            freeAttempts = s.freeAttempts();
            firstLockMinutes = s.firstLockMinutes();
            sessionMinutes = s.sessionMinutes();
            noScriptReading = s.noScriptReading();
        }
    }

    public SecurityView getView() {
        if (view == null) {
            view = service.security(tab.getNumber());
        }
        return view;
    }

    public String save() {
        try {
            service.changeSecurity(tab.getNumber(), new RecipientSecurity(orZero(passwordMinLength), rejectCommonPasswords,
                    orZero(freeAttempts), orZero(firstLockMinutes), orZero(sessionMinutes), noScriptReading));
            FormErrors.info("The security settings are saved; they apply from now on.");
            return tab.reload();
        } catch (ServiceException refusal) {
            HashMap<String, String> fields = new HashMap<>();
            FIELDS.forEach(field -> fields.put(field, "security:" + field));
            FormErrors.showEachField(refusal, fields);
            return null;
        }
    }

    /** An empty number field is out of every range, and named so. */
    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public Integer getPasswordMinLength() {
        return passwordMinLength;
    }

    public void setPasswordMinLength(Integer passwordMinLength) {
        this.passwordMinLength = passwordMinLength;
    }

    public boolean isRejectCommonPasswords() {
        return rejectCommonPasswords;
    }

    public void setRejectCommonPasswords(boolean rejectCommonPasswords) {
        this.rejectCommonPasswords = rejectCommonPasswords;
    }

    public Integer getFreeAttempts() {
        return freeAttempts;
    }

    public void setFreeAttempts(Integer freeAttempts) {
        this.freeAttempts = freeAttempts;
    }

    public Integer getFirstLockMinutes() {
        return firstLockMinutes;
    }

    public void setFirstLockMinutes(Integer firstLockMinutes) {
        this.firstLockMinutes = firstLockMinutes;
    }

    public Integer getSessionMinutes() {
        return sessionMinutes;
    }

    public void setSessionMinutes(Integer sessionMinutes) {
        this.sessionMinutes = sessionMinutes;
    }

    public boolean isNoScriptReading() {
        return noScriptReading;
    }

    public void setNoScriptReading(boolean noScriptReading) {
        this.noScriptReading = noScriptReading;
    }
}
