package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.http.FormBody;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.operations.ServiceMetrics.Outcome;
import org.openenvelope.operations.ServiceMetrics.SignInMethod;
import org.openenvelope.recipient.RecipientCookie;
import org.openenvelope.saml.binding.BrowserMessage;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.security.SignedInSession;
import org.openenvelope.websafe.LocalPath;
import org.openenvelope.websafe.UserPortalCookie;

/**
 * The SAML endpoints of every account: {@code /saml/{accountNumber}/metadata} (GET), {@code /login} (GET, SP-
 * initiated sign-in, optional {@code RelayState} local path), {@code /recipient} (GET, an envelope recipient's
 * sign-in at the account's IdP, {@code envelope} the envelope to return to; both take {@code idp}, the name of the
 * identity provider to ask, the default when absent), {@code /acs} (HTTP-POST), {@code /slo} (Redirect
 * and POST), and {@code /test/{id}/{key}} (GET, an administrator's Test SSO run with the draft). The URLs are stable,
 * because IdPs are configured with them.
 */
@WebServlet(urlPatterns = "/saml/*")
public class SamlEndpointServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([^/]+)/(metadata|login|recipient|admin|acs|slo|test/([0-9]{1,18})/([0-9a-f]{40}))");

    private static final Pattern IDENTITY_PROVIDER = Pattern.compile("[a-z0-9-]{1,40}");

    /** Whether the ACS has already posted this answer again from this site (see {@link PendingSignInCookies}). */
    static final String REPOSTED = "OE_REPOSTED";
    /** A base64 SAML message of the 1 MB the parser takes, URL-encoded, with room for RelayState. */
    static final long MAX_BODY_BYTES = 2L * OpenSaml.MAX_DOCUMENT_BYTES;

    @EJB
    SignInService signIn;

    @EJB
    SignInAudit refusals;

    @EJB
    SsoTestRun tests;

    @EJB
    SingleLogoutService singleLogout;

    @Inject
    BaseUrl baseUrl;

    @Inject
    ServiceMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post)
            throws IOException, ServletException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String account = path.group(1);
        ServiceLog.account(account);
        String base = baseUrl.of(request);
        try {
            switch (path.group(2)) {
                case "metadata" -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        metadata(response, account, base);
                    }
                }
                case "login" -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        started(request, response, account, base, signIn.startSignIn(account, identityProvider(request),
                                base, request.getParameter(RedirectBinding.RELAY_STATE)));
                    }
                }
                case "recipient" -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        started(request, response, account, base, signIn.startRecipientSignIn(account,
                                identityProvider(request), base, request.getParameter("envelope")));
                    }
                }
                case "admin" -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        started(request, response, account, base, signIn.startAdministratorSignIn(account,
                                identityProvider(request), base));
                    }
                }
                case "acs" -> {
                    if (post) {
                        assertionConsumer(request, response, account, base);
                    } else {
                        methodNotAllowed(response, "POST");
                    }
                }
                case "slo" -> {
                    try {
                        singleLogout(request, response, account, base, post);
                    } catch (SamlRejectedException e) {
                        if (e instanceof BodyRefused) {
                            refusals.refused(account, "Logout", e);
                        }
                        SamlPages.refuseLogout(request, response, e);
                    }
                }
                default -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        started(request, response, account, base, tests.start(account, Long.parseLong(path.group(3)),
                                path.group(4), base));
                    }
                }
            }
        } catch (SamlRejectedException e) {
            if (e instanceof BodyRefused) {
                refusals.refused(account, "SAML message", e);
            }
            SamlPages.refuse(request, response, e);
        } catch (ResourceNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void metadata(HttpServletResponse response, String account, String base) throws IOException {
        byte[] metadata = signIn.serviceProviderMetadata(account, base);
        response.setContentType("application/samlmetadata+xml");
        response.setHeader("Content-Disposition", "attachment; filename=\"sp-metadata-" + account + ".xml\"");
        response.setContentLength(metadata.length);
        response.getOutputStream().write(metadata);
    }

    /**
     * The {@code idp} parameter: which of the account's identity providers to sign in with; absent for the default.
     *
     * @throws ResourceNotFoundException when it cannot be an identity provider's name
     */
    private static String identityProvider(HttpServletRequest request) {
        String name = request.getParameter("idp");
        if (name != null && !IDENTITY_PROVIDER.matcher(name).matches()) {
            throw new ResourceNotFoundException("No such identity provider.");
        }
        return name;
    }

    /** Sends the browser to the IdP, keeping the request in its cookie. */
    private static void started(HttpServletRequest request, HttpServletResponse response, String account, String base,
                                StartedSignIn started) throws IOException {
        PendingSignInCookies.write(request, response, account, started, base.startsWith("https:"));
        SamlPages.send(request, response, started.message());
    }

    private void assertionConsumer(HttpServletRequest request, HttpServletResponse response, String account, String base)
            throws IOException {
        Function<String, String> form = postedForm(request);
        String samlResponse = form.apply(RedirectBinding.SAML_RESPONSE);
        String relayState = form.apply(RedirectBinding.RELAY_STATE);
        Map<String, String> pending = PendingSignInCookies.read(request);
        if (pending.isEmpty() && form.apply(REPOSTED) == null && samlResponse != null) {
            // The IdP's cross-site POST carries no SameSite=Lax cookie: post the same answer again from this site.
            Map<String, String> fields = new HashMap<>(Map.of(RedirectBinding.SAML_RESPONSE, samlResponse, REPOSTED, "1"));
            if (relayState != null) {
                fields.put(RedirectBinding.RELAY_STATE, relayState);
            }
            SamlPages.send(request, response, new OutgoingMessage.Post(base + "/saml/" + account + "/acs", fields));
            return;
        }
        AcsOutcome outcome = consumed(account, base, samlResponse, relayState, pending);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        if (outcome instanceof AcsOutcome.SignedIn signedIn) {
            UserPortalCookie.write(request, response, signedIn.sessionKey(), base.startsWith("https:"));
            response.setHeader("Location", request.getContextPath() + LocalPath.orUserPortal(signedIn.nextPath()));
        } else if (outcome instanceof AcsOutcome.AdministratorSignedIn administrator) {
            SignedInSession.startAtIdentityProvider(request, administrator.administratorId());
            response.setHeader("Location", request.getContextPath() + administrator.nextPath());
        } else if (outcome instanceof AcsOutcome.RecipientSignedIn recipient) {
            // SameSite=Strict: stored from this top-level POST, but sent only by the viewer's own requests
            RecipientCookie.write(request, response, recipient.sessionKey());
            response.setHeader("Location", request.getContextPath() + recipient.nextPath());
        } else {
            AcsOutcome.TestFinished test = (AcsOutcome.TestFinished) outcome;
            response.setHeader("Location", request.getContextPath() + "/admin/accounts/sso-test.xhtml?account="
                    + test.accountNumber() + "&test=" + test.testId());
        }
    }

    /** The sign-in's answer, counted and timed by outcome in the service's metrics. */
    private AcsOutcome consumed(String account, String base, String samlResponse, String relayState,
                                Map<String, String> pending) {
        long start = System.nanoTime();
        try {
            AcsOutcome outcome = signIn.consumeResponse(account, base, samlResponse, relayState, pending);
            if (outcome instanceof AcsOutcome.TestFinished) {
                metrics.assertionConsumed("sso_test", start);
            } else {
                metrics.assertionConsumed("succeeded", start);
                metrics.signIn(SignInMethod.SAML, Outcome.SUCCEEDED, null);
            }
            return outcome;
        } catch (SamlRejectedException refused) {
            metrics.assertionConsumed("refused", start);
            metrics.signIn(SignInMethod.SAML, Outcome.REFUSED, refused.failure().code());
            throw refused;
        } catch (RuntimeException failed) {
            metrics.assertionConsumed("error", start);
            metrics.signIn(SignInMethod.SAML, Outcome.ERROR, null);
            throw failed;
        }
    }

    /**
     * The fields of a POSTed form, read once by {@link FormBody} (several times faster than the container's parameter
     * parsing for a SAML message's long Base64 field); a body larger than a SAML message can be is refused before it
     * is read.
     */
    private static Function<String, String> postedForm(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyRefused("The request body is " + request.getContentLengthLong() + " bytes long; at most "
                    + MAX_BODY_BYTES + " are accepted.");
        }
        try {
            FormBody body = FormBody.read(request, MAX_BODY_BYTES).orElseThrow(() -> new BodyRefused(
                    "The request body is longer than the " + MAX_BODY_BYTES + " bytes accepted."));
            return body::value;
        } catch (IllegalArgumentException badEscape) {
            throw new BodyRefused("The request body is no form: " + badEscape.getMessage());
        }
    }

    private void singleLogout(HttpServletRequest request, HttpServletResponse response, String account, String base,
                              boolean post) throws IOException {
        Function<String, String> parameters = post ? postedForm(request) : request::getParameter;
        LogoutHandled handled = singleLogout.handleLogout(account, base, new BrowserMessage(post, request.getQueryString(),
                parameters.apply(RedirectBinding.SAML_REQUEST), parameters.apply(RedirectBinding.SAML_RESPONSE),
                parameters.apply(RedirectBinding.RELAY_STATE)));
        if (handled instanceof LogoutHandled.IdpLogout idpLogout) {
            SamlPages.send(request, response, idpLogout.answer());
        } else {
            LogoutHandled.LogoutConfirmed confirmed = (LogoutHandled.LogoutConfirmed) handled;
            response.sendRedirect(request.getContextPath() + LocalPath.USER_PORTAL + "?signedOut="
                    + (confirmed.success() ? "everywhere" : "locally"));
        }
    }

    private static void methodNotAllowed(HttpServletResponse response, String allowed) throws IOException {
        response.setHeader("Allow", allowed);
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /** Refused here, before any service saw the message, so audited here. */
    private static final class BodyRefused extends SamlRejectedException {
        BodyRefused(String detail) {
            super(SamlFailure.MALFORMED_MESSAGE, detail);
        }
    }
}
