package org.openenvelope.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.omnifaces.util.Messages;
import org.openenvelope.administrator.AdministratorService;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/** The signed-in administrator's own password. */
@Named
@RequestScoped
public class PasswordBean {

    @Inject
    AdministratorService administrators;

    @Inject
    FacesContext faces;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public boolean isRequired() {
        return SignedInSession.mustChangePassword((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    public void change() throws IOException {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            Messages.addError("password:confirmation", "The two new passwords do not match.");
            return;
        }
        try {
            administrators.changeOwnPassword(chars(currentPassword), chars(newPassword));
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of("currentPassword", "password:currentPassword",
                    "newPassword", "password:newPassword"));
            return;
        }
        ExternalContext external = faces.getExternalContext();
        SignedInSession.passwordChanged((HttpServletRequest) external.getRequest());
        FormErrors.info("Your password was changed.");
        external.redirect(external.getRequestContextPath() + "/admin/");
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
