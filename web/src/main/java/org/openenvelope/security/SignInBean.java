package org.openenvelope.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.omnifaces.util.Messages;
import org.openenvelope.administrator.SignInOutcome;
import org.openenvelope.error.FormErrors;

/** The sign-in and sign-out forms of the portal. */
@Named
@RequestScoped
public class SignInBean {

    static final String CODE_PAGE = "/login-code.xhtml";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String email;
    private String password;
    private String next;
    private String code;

    public void signIn() throws IOException {
        Credential credential = new UsernamePasswordCredential(email == null ? "" : email.strip(),
                new Password(password == null ? "" : password));
        password = null;
        conclude(credential);
    }

    /** The second step: the authenticator app's code or a recovery code. */
    public void verifyCode() throws IOException {
        Credential credential = new AuthenticatorCodeCredential(code == null ? "" : code);
        code = null;
        conclude(credential);
    }

    private void conclude(Credential credential) throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true).credential(credential));
        Object outcome = request.getAttribute(PortalAuthenticationMechanism.SIGN_IN_OUTCOME);
        if (status == AuthenticationStatus.SUCCESS) {
            // the filter sends whoever must change their password or set up a second factor there first
            external.redirect(external.getRequestContextPath() + safeNext());
            return;
        }
        if (outcome instanceof SignInOutcome.SecondFactorNeeded) {
            external.redirect(external.getRequestContextPath() + CODE_PAGE + "?next="
                    + URLEncoder.encode(safeNext(), StandardCharsets.UTF_8));
            return;
        }
        if (Boolean.TRUE.equals(request.getAttribute(PortalAuthenticationMechanism.SECOND_FACTOR_EXPIRED))) {
            FormErrors.error("The time or the tries for the code are up: sign in again.");
            external.redirect(external.getRequestContextPath() + PortalAuthenticationMechanism.SIGN_IN_PAGE);
            return;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
            return;
        }
        if (Boolean.TRUE.equals(request.getAttribute(PortalAuthenticationMechanism.DATABASE_UNAVAILABLE))) {
            external.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            Messages.addError(null, "OpenEnvelope cannot reach its database right now, so nobody can sign in."
                    + " This is not a problem with your password: try again in a few minutes.");
            return;
        }
        if (request.getAttribute(PortalAuthenticationMechanism.CLIENT_PAUSED) instanceof Duration wait) {
            external.setResponseStatus(429);
            Messages.addError(null, "Too many wrong sign-ins from your network. Try again in "
                    + Math.max(1, wait.toSeconds() + 1) + " seconds.");
            return;
        }
        Messages.addError(null, credential instanceof AuthenticatorCodeCredential && outcome instanceof SignInOutcome.Refused
                ? "That code is not right, or it was used already. Enter the code your app shows now, or an unused"
                + " recovery code." : refusal(outcome));
    }

    /** The code page without a password just before it sends the person back to the password. */
    public void requireAwaitedCode() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (!SignedInSession.awaitingSecondFactor((HttpServletRequest) external.getRequest())) {
            external.redirect(external.getRequestContextPath() + PortalAuthenticationMechanism.SIGN_IN_PAGE);
        }
    }

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SignedInSession.end(request);
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException alreadySignedOut) {
            // The session is gone either way.
        }
        external.redirect(external.getRequestContextPath() + PortalAuthenticationMechanism.SIGN_IN_PAGE + "?signedOut=true");
    }

    private static String refusal(Object outcome) {
        if (outcome instanceof SignInOutcome.Locked locked) {
            long minutes = Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds() / 60 + 1);
            return "Sign-in for this address is paused after repeated failures. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes.");
        }
        if (outcome instanceof SignInOutcome.AccountSuspended) {
            return "Your account is suspended. Contact your service administrator.";
        }
        return "The email address or password is not correct.";
    }

    /** Security: only a path inside the portal is followed after sign-in, never another site (open redirect). */
    String safeNext() {
        if (next != null && next.startsWith("/admin/") && !next.contains("//") && !next.contains("\\")
                && next.chars().noneMatch(Character::isISOControl)) {
            return next;
        }
        return "/admin/";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
