package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.recipient.RecipientCookie;
import org.openenvelope.saml.binding.BrowserMessage;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.websafe.LocalPath;
import org.openenvelope.websafe.UserPortalCookie;

/**
 * The SAML endpoints of every account: {@code /saml/{accountNumber}/metadata} (GET), {@code /login} (GET, SP-
 * initiated sign-in, optional {@code RelayState} local path), {@code /recipient} (GET, an envelope recipient's
 * sign-in at the account's IdP, {@code envelope} the envelope to return to), {@code /acs} (HTTP-POST), {@code /slo} (Redirect
 * and POST), and {@code /test/{id}/{key}} (GET, an administrator's Test SSO run with the draft). The URLs are stable,
 * because IdPs are configured with them.
 */
@WebServlet(urlPatterns = "/saml/*")
public class SamlEndpointServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([^/]+)/(metadata|login|recipient|acs|slo|test/([0-9]{1,18})/([0-9a-f]{40}))");

    @EJB
    SignInService signIn;

    @EJB
    SsoTestRun tests;

    @EJB
    SingleLogoutService singleLogout;

    @Inject
    BaseUrl baseUrl;

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
                        SamlPages.send(request, response, signIn.startSignIn(account, base,
                                request.getParameter(RedirectBinding.RELAY_STATE)));
                    }
                }
                case "recipient" -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        SamlPages.send(request, response, signIn.startRecipientSignIn(account, base,
                                request.getParameter("envelope")));
                    }
                }
                case "acs" -> {
                    if (post) {
                        assertionConsumer(request, response, account, base);
                    } else {
                        methodNotAllowed(response, "POST");
                    }
                }
                case "slo" -> singleLogout(request, response, account, base, post);
                default -> {
                    if (post) {
                        methodNotAllowed(response, "GET");
                    } else {
                        SamlPages.send(request, response, tests.start(account, Long.parseLong(path.group(3)),
                                path.group(4), base));
                    }
                }
            }
        } catch (SamlRejectedException e) {
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

    private void assertionConsumer(HttpServletRequest request, HttpServletResponse response, String account, String base)
            throws IOException {
        AcsOutcome outcome = signIn.consumeResponse(account, base, request.getParameter(RedirectBinding.SAML_RESPONSE),
                request.getParameter(RedirectBinding.RELAY_STATE));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        if (outcome instanceof AcsOutcome.SignedIn signedIn) {
            UserPortalCookie.write(request, response, signedIn.sessionKey(), base.startsWith("https:"));
            response.setHeader("Location", request.getContextPath() + LocalPath.orUserPortal(signedIn.nextPath()));
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

    private void singleLogout(HttpServletRequest request, HttpServletResponse response, String account, String base,
                              boolean post) throws IOException {
        LogoutHandled handled = singleLogout.handleLogout(account, base, new BrowserMessage(post, request.getQueryString(),
                request.getParameter(RedirectBinding.SAML_REQUEST), request.getParameter(RedirectBinding.SAML_RESPONSE),
                request.getParameter(RedirectBinding.RELAY_STATE)));
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
}
