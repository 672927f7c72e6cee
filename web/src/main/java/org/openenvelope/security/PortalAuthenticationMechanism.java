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
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.openenvelope.administrator.AdministratorService;
import org.openenvelope.administrator.SignInOutcome;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.operations.ServiceMetrics.Outcome;
import org.openenvelope.operations.ServiceMetrics.SignInMethod;
import org.openenvelope.error.DatabaseOutage;
import org.openenvelope.token.ApiTokenService;
import org.openenvelope.token.AuthenticatedToken;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one): bearer tokens for the
 * REST API (administrators' API tokens), add-in session tokens for the Outlook add-in's API below
 * {@code /api/addin/} (group {@value #ADDIN_SENDER}), a form sign-in with a server-side session for the portal.
 *
 * <p>Security decisions: API requests never create or use a session, so a portal session cookie cannot drive
 * the API (no CSRF against it). Portal sessions hold only the administrator id and are re-validated on each
 * request, so removal of an administrator or suspension of their account ends their access immediately.
 *
 * <p>When the database cannot be reached, nobody can be authenticated, and the answer says so (HTTP 503); it is
 * never told as a wrong password or an invalid token, which would send people to reset what is not broken.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_OUTCOME = PortalAuthenticationMechanism.class.getName() + ".outcome";
    /** Set on the request when the form sign-in could not be decided because the database is unavailable. */
    public static final String DATABASE_UNAVAILABLE = PortalAuthenticationMechanism.class.getName() + ".unavailable";
    /** Set on the request, as how long to wait, when the client's network has used up its wrong passwords. */
    public static final String CLIENT_PAUSED = PortalAuthenticationMechanism.class.getName() + ".clientPaused";
    /** Set on the request when the code page's time or tries were up: the password is asked again. */
    public static final String SECOND_FACTOR_EXPIRED = PortalAuthenticationMechanism.class.getName() + ".codeExpired";
    public static final String ADDIN_SENDER = "addin-sender";
    static final String ADDIN_API = "/api/addin/";
    static final String SIGN_IN_PAGE = "/login.xhtml";
    private static final String BEARER = "Bearer ";
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = ServiceLog.logger(PortalAuthenticationMechanism.class);

    @Inject
    AdministratorService administrators;

    @Inject
    ApiTokenService tokens;

    @Inject
    SenderTokens senderTokens;

    @Inject
    PortalSignIns signIns;

    @Inject
    ServiceMetrics metrics;

    @Inject
    org.openenvelope.audit.RequestOrigin origin;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException failure) {
            if (!DatabaseOutage.explains(failure)) {
                throw failure;
            }
            LOG.warning(() -> "Database unavailable, " + request.getMethod() + " " + pathOf(request)
                    + " answered 503: " + DatabaseOutage.describe(failure));
            return unavailable(request, response, context);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        if (pathOf(request).startsWith(ADDIN_API)) {
            return addinBearer(request, response, context);
        }
        if (pathOf(request).startsWith("/api/")) {
            return bearer(request, response, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(request, credential, context);
        }
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof AuthenticatorCodeCredential code) {
            return secondFactor(request, code, context);
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
        String client = origin.address();
        Optional<java.time.Duration> paused = signIns.clientPaused(client);
        if (paused.isPresent()) {
            request.setAttribute(CLIENT_PAUSED, paused.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        String email = credential.getCaller();
        SignInOutcome outcome = administrators.signIn(email, credential.getPassword().getValue(),
                signIns.knownDevice(request, email));
        counted(SignInMethod.ADMINISTRATOR_PASSWORD, outcome);
        request.setAttribute(SIGN_IN_OUTCOME, outcome);
        if (outcome instanceof SignInOutcome.SecondFactorNeeded needed) {
            SignedInSession.awaitSecondFactor(request, needed.administratorId(), email, Instant.now());
            return AuthenticationStatus.SEND_FAILURE;
        }
        return concluded(request, outcome, email, client, context);
    }

    /** The code after the password, within the time and tries the session allows. */
    private AuthenticationStatus secondFactor(HttpServletRequest request, AuthenticatorCodeCredential code,
                                              HttpMessageContext context) {
        String client = origin.address();
        Optional<java.time.Duration> paused = signIns.clientPaused(client);
        if (paused.isPresent()) {
            request.setAttribute(CLIENT_PAUSED, paused.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<SignedInSession.AwaitedSecondFactor> awaited = SignedInSession.secondFactorTry(request, Instant.now());
        if (awaited.isEmpty()) {
            request.setAttribute(SECOND_FACTOR_EXPIRED, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        String email = awaited.get().email();
        SignInOutcome outcome = administrators.completeSecondFactor(awaited.get().administratorId(), code.code(),
                signIns.knownDevice(request, email));
        counted(SignInMethod.ADMINISTRATOR_SECOND_FACTOR, outcome);
        request.setAttribute(SIGN_IN_OUTCOME, outcome);
        return concluded(request, outcome, email, client, context);
    }

    private void counted(SignInMethod method, SignInOutcome outcome) {
        if (outcome instanceof SignInOutcome.SignedIn) {
            metrics.signIn(method, Outcome.SUCCEEDED, null);
        } else if (outcome instanceof SignInOutcome.SecondFactorNeeded) {
            metrics.signIn(method, Outcome.INCOMPLETE, "second_factor_needed");
        } else if (outcome instanceof SignInOutcome.Locked) {
            metrics.signIn(method, Outcome.PAUSED, "paused");
        } else if (outcome instanceof SignInOutcome.AccountSuspended) {
            metrics.signIn(method, Outcome.REFUSED, "account_suspended");
        } else {
            metrics.signIn(method, Outcome.REFUSED, "wrong_credentials");
        }
    }

    private AuthenticationStatus concluded(HttpServletRequest request, SignInOutcome outcome, String email,
                                           String client, HttpMessageContext context) {
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            signIns.rememberDevice(request, context.getResponse(), email);
            SignedInSession.start(request, signedIn.caller(), signedIn.mustChangePassword(),
                    signedIn.mustSetUpSecondFactor());
            return context.notifyContainerAboutLogin(signedIn.caller(), signedIn.caller().groups());
        }
        if (!(outcome instanceof SignInOutcome.AccountSuspended)) {
            signIns.failed(client);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            Optional<AuthenticatedToken> found = tokens.authenticate(token.get());
            if (found.isPresent()) {
                if (found.get().readOnly() && !READING.contains(request.getMethod())) {
                    return readOnly(response);
                }
                Caller caller = found.get().caller();
                return context.notifyContainerAboutLogin(caller, caller.groups());
            }
            return unauthorized(response, "invalid_token",
                    "The bearer token is unknown, revoked, expired, or belongs to a suspended account.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return unauthorized(response, null,
                "This API needs an \"Authorization: Bearer <token>\" header; create a token on the account's Tokens tab.");
    }

    /** The add-in's own tokens only: an administrator's API token opens nothing here, nor the add-in's elsewhere. */
    private AuthenticationStatus addinBearer(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            Optional<String> sender = senderTokens.authenticate(token.get());
            if (sender.isPresent()) {
                return context.notifyContainerAboutLogin(sender.get(), Set.of(ADDIN_SENDER));
            }
            return unauthorized(response, "OpenEnvelope add-in", "invalid_token",
                    "Your sign-in to the add-in has ended: sign in again.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return unauthorized(response, "OpenEnvelope add-in", null, "Sign in to the add-in first.");
    }

    /** The form sign-in shows its own message (see {@code SignInBean}); everything else gets a 503 at once. */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            request.setAttribute(DATABASE_UNAVAILABLE, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        try {
            if (pathOf(request).startsWith("/api/")) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(Json.createObjectBuilder().add("code", "service_unavailable")
                        .add("message", DatabaseOutage.MESSAGE).build().toString());
            } else {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(header.substring(BEARER.length()).strip()) : Optional.empty();
    }

    /** A read-only token asked for a change: refused before anything runs. */
    private static AuthenticationStatus readOnly(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Json.createObjectBuilder().add("code", "read_only_token")
                    .add("message", "This token may only read (GET); create a token that may write for changes.")
                    .build().toString());
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String error, String message) {
        return unauthorized(response, "OpenEnvelope API", error, message);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String realm, String error,
                                                     String message) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\""
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
