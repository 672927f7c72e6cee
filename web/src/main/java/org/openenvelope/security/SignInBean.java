package org.openenvelope.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.omnifaces.util.Messages;
import org.openenvelope.administrator.SignInOutcome;

/** The sign-in and sign-out forms of the portal. */
@Named
@RequestScoped
public class SignInBean {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String email;
    private String password;
    private String next;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email == null ? "" : email.strip(),
                                new Password(password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            String target = SignedInSession.mustChangePassword(request) ? "/admin/password.xhtml" : safeNext();
            external.redirect(external.getRequestContextPath() + target);
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
        Messages.addError(null, refusal(request.getAttribute(PortalAuthenticationMechanism.SIGN_IN_OUTCOME)));
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
