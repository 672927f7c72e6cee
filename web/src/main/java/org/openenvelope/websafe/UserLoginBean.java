package org.openenvelope.websafe;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.BaseUrl;

/**
 * {@code /websafe/login}: email first, then the account's way of signing in — its identity provider (reached by a
 * navigation, not a form redirect, which the form-action CSP would stop) or a password, replaced at once when it
 * was a one-time password.
 */
@Named("userLogin")
@ViewScoped
public class UserLoginBean implements Serializable {

    public enum Step { EMAIL, PASSWORD, NEW_PASSWORD, IDENTITY_PROVIDER }

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> EMAIL_FIELD = Map.of(UserSignIn.EMAIL, "login:email");

    @EJB
    UserSignIn signIn;

    @Inject
    BaseUrl baseUrl;

    private Step step = Step.EMAIL;
    private String email;
    private String identityProviderUrl;
    /** Held only between the password and the new-password step of a one-time password, never rendered. */
    private transient char[] password;
    private transient char[] newPassword;

    public void next() {
        try {
            LoginRoute route = signIn.route(email);
            if (route instanceof LoginRoute.SingleSignOn sso) {
                identityProviderUrl = Faces.getRequestContextPath() + sso.signInPath();
                step = Step.IDENTITY_PROVIDER;
            } else if (route instanceof LoginRoute.Password) {
                step = Step.PASSWORD;
            } else if (route instanceof LoginRoute.Unavailable unavailable) {
                FormErrors.show(new InvalidValueException(UserSignIn.EMAIL, unavailable.message()), EMAIL_FIELD);
            }
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, EMAIL_FIELD);
        }
    }

    public void signIn() throws IOException {
        try {
            PasswordSignInOutcome outcome = signIn.signIn(email, password, newPassword);
            if (outcome instanceof PasswordSignInOutcome.SignedIn signedIn) {
                clearPasswords();
                HttpServletRequest request = Faces.getRequest();
                UserPortalCookie.write(request, (HttpServletResponse) Faces.getResponse(), signedIn.sessionKey(),
                        baseUrl.of(request).startsWith("https:"));
                Faces.redirect(request.getContextPath() + "/websafe/");
            } else if (outcome instanceof PasswordSignInOutcome.MustChangePassword) {
                step = Step.NEW_PASSWORD;
            } else if (outcome instanceof PasswordSignInOutcome.Refused refused) {
                if (step == Step.PASSWORD) {
                    password = null;
                }
                newPassword = null;
                FormErrors.show(new InvalidValueException(refused.field(), refused.message()), Map.of(
                        UserSignIn.PASSWORD, "login:password", UserSignIn.NEW_PASSWORD, "login:newPassword"));
            }
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, EMAIL_FIELD);
        }
    }

    /** Back to the first step, for another address. */
    public void restart() {
        clearPasswords();
        step = Step.EMAIL;
    }

    private void clearPasswords() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        password = null;
        newPassword = null;
    }

    public Step getStep() { return step; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getIdentityProviderUrl() { return identityProviderUrl; }
    public String getPassword() { return null; }
    public void setPassword(String value) { if (value != null && !value.isEmpty()) { password = value.toCharArray(); } }
    public String getNewPassword() { return null; }
    public void setNewPassword(String value) { newPassword = value == null || value.isEmpty() ? null : value.toCharArray(); }
}
