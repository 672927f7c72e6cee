package org.openenvelope.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openenvelope.administrator.AdministratorService;
import org.openenvelope.administrator.SignInOutcome;
import org.openenvelope.token.ApiTokenService;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one): bearer tokens for the
 * REST API, a form sign-in with a server-side session for the portal.
 *
 * <p>Security decisions: API requests never create or use a session, so a portal session cookie cannot drive
 * the API (no CSRF against it). Portal sessions hold only the administrator id and are re-validated on each
 * request, so removal of an administrator or suspension of their account ends their access immediately.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_OUTCOME = PortalAuthenticationMechanism.class.getName() + ".outcome";
    static final String SIGN_IN_PAGE = "/login.xhtml";
    private static final String BEARER = "Bearer ";

    @Inject
    AdministratorService administrators;

    @Inject
    ApiTokenService tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (pathOf(request).startsWith("/api/")) {
            return bearer(request, response, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(request, credential, context);
        }
        Optional<Caller> sessionCaller = SignedInSession.administratorId(request)
                .flatMap(administrators::activeCaller);
        if (sessionCaller.isPresent()) {
            return context.notifyContainerAboutLogin(sessionCaller.get(), sessionCaller.get().groups());
        }
        if (SignedInSession.administratorId(request).isPresent()) {
            SignedInSession.end(request);
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                    + URLEncoder.encode(requestedPath(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, UsernamePasswordCredential credential,
                                        HttpMessageContext context) {
        SignInOutcome outcome = administrators.signIn(credential.getCaller(), credential.getPassword().getValue());
        request.setAttribute(SIGN_IN_OUTCOME, outcome);
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            SignedInSession.start(request, signedIn.caller(), signedIn.mustChangePassword());
            return context.notifyContainerAboutLogin(signedIn.caller(), signedIn.caller().groups());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Optional<Caller> caller = tokens.authenticate(header.substring(BEARER.length()).strip());
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get(), caller.get().groups());
            }
            return unauthorized(response, "invalid_token",
                    "The bearer token is unknown, revoked, or belongs to a suspended account.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return unauthorized(response, null,
                "This API needs an \"Authorization: Bearer <token>\" header; create a token on the account's Tokens tab.");
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String error, String message) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"OpenEnvelope API\""
                + (error == null ? "" : ", error=\"" + error + "\""));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Json.createObjectBuilder()
                    .add("code", "unauthorized").add("message", message).build().toString());
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String requestedPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return pathOf(request) + (query == null ? "" : "?" + query);
    }
}
