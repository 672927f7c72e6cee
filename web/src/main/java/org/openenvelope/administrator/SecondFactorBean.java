package org.openenvelope.administrator;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;
import org.openenvelope.security.SignedInSession;

/** The signed-in administrator's own second factor: setting up an authenticator app, recovery codes, removal. */
@Named("secondFactor")
@ViewScoped
public class SecondFactorBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Recovery codes live in the one response that shows them (a request attribute), never in the view state. */
    private static final String RECOVERY_CODES = SecondFactorBean.class.getName() + ".recoveryCodes";

    @Inject
    SecondFactorService secondFactors;

    private SecondFactorStatus status;
    /** The set-up in progress: its secret stays on the server (view scope) until a code confirms it. */
    private AuthenticatorSetup setup;
    private String code;
    private String password;

    public void load() {
        status = secondFactors.status();
    }

    public void start() {
        setup = secondFactors.beginSetup();
        code = null;
    }

    public void cancel() {
        setup = null;
    }

    public void confirm() {
        try {
            showRecoveryCodes(secondFactors.confirmSetup(setup.typedSecret(), code, chars(password)));
            setup = null;
            password = null;
            SignedInSession.secondFactorSetUp((HttpServletRequest) Faces.getRequest());
        } catch (ServiceException refusal) {
            password = null;
            FormErrors.showEachField(refusal, Map.of(SecondFactorService.CODE_FIELD, "setup:code",
                    SecondFactorService.PASSWORD_FIELD, "setup:password"));
        }
    }

    public void replaceRecoveryCodes() {
        try {
            showRecoveryCodes(secondFactors.replaceRecoveryCodes(code));
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(SecondFactorService.CODE_FIELD, "recovery:code"));
        }
    }

    public void remove() {
        try {
            secondFactors.removeOwn(chars(password));
            password = null;
            load();
            FormErrors.info("Your authenticator app was removed; your password alone signs you in.");
        } catch (ServiceException refusal) {
            password = null;
            FormErrors.show(refusal, Map.of(SecondFactorService.PASSWORD_FIELD, "remove:password"));
        }
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    private void showRecoveryCodes(List<String> codes) {
        Faces.setContextAttribute(RECOVERY_CODES, String.join("\n", codes));
        code = null;
        load();
    }

    public String getRecoveryCodes() {
        return Faces.getContextAttribute(RECOVERY_CODES);
    }

    /** The set-up's QR code as inline SVG. */
    public String getQrCode() {
        return setup == null ? "" : QrCodes.svg(setup.keyUri(), "QR code to scan with your authenticator app");
    }

    public SecondFactorStatus getStatus() {
        return status;
    }

    public AuthenticatorSetup getSetup() {
        return setup;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
