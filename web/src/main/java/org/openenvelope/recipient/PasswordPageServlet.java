package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.openenvelope.envelope.EnvelopeOpening;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.http.HtmlPages;
import org.openenvelope.security.PasswordPolicy;

/**
 * Where a registration or reset link leads, {@code /envelope/password?token=…}. Mail scanners follow every link in
 * a message, so a GET only shows the form; the person's POST from it uses the token up. Works without JavaScript.
 */
@WebServlet(urlPatterns = "/envelope/password")
public class PasswordPageServlet extends HttpServlet {

    static final String EXPIRED = "This link has expired or was used already. Open the secure message again and ask"
            + " for a new link on its sign-in page.";

    @EJB
    RecipientSignIn signIn;

    @EJB
    EnvelopeOpening opening;

    @Inject
    BaseUrl baseUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter(RecipientSignIn.TOKEN);
        Optional<PasswordLink> link = signIn.passwordLink(token);
        if (link.isEmpty()) {
            HtmlPages.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Link no longer valid", EXPIRED);
            return;
        }
        wearBrand(request, link.get());
        form(request, response, HttpServletResponse.SC_OK, token, link.get(), null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            SameOriginRequests.require(request, baseUrl.of(request));
        } catch (AccessDeniedException e) {
            HtmlPages.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Not allowed", e.getMessage());
            return;
        }
        String token = request.getParameter(RecipientSignIn.TOKEN);
        Optional<PasswordLink> link = signIn.passwordLink(token);
        if (link.isEmpty()) {
            HtmlPages.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Link no longer valid", EXPIRED);
            return;
        }
        wearBrand(request, link.get());
        char[] password = chars(request.getParameter("password"));
        char[] confirmation = chars(request.getParameter("confirmation"));
        try {
            if (!Arrays.equals(password, confirmation)) {
                form(request, response, HttpServletResponse.SC_BAD_REQUEST, token, link.get(), "confirmation",
                        "The two passwords differ. Type the same password twice.");
                return;
            }
            StartedSession session = signIn.setPassword(token, password);
            RecipientCookie.write(request, response, session.sessionKey());
            done(request, response, link.get());
        } catch (InvalidValueException e) {
            if (RecipientSignIn.TOKEN.equals(e.field())) {
                HtmlPages.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Link no longer valid", EXPIRED);
                return;
            }
            form(request, response, HttpServletResponse.SC_BAD_REQUEST, token, link.get(), e.field(), e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    /** The link was mailed for an envelope: its pages wear that account's brand. */
    private void wearBrand(HttpServletRequest request, PasswordLink link) {
        if (link.envelopeId() != null) {
            opening.cover(link.envelopeId()).ifPresent(cover -> HtmlPages.wear(request, cover.brand()));
        }
    }

    private static void form(HttpServletRequest request, HttpServletResponse response, int status, String token,
                             PasswordLink link, String errorField, String error) throws IOException {
        String title = link.registration() ? "Choose your password" : "Choose a new password";
        HtmlPages.writeHtml(request, response, status, title, "<p>For <strong id=\"link-address\">"
                + HtmlPages.escape(link.address()) + "</strong>. Use at least " + PasswordPolicy.MIN_LENGTH
                + " characters; a few unrelated words make a strong password that is easy to remember.</p>"
                + "<form method=\"post\" action=\"" + HtmlPages.escape(request.getContextPath()) + "/envelope/password\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + HtmlPages.escape(token) + "\">"
                + "<input type=\"email\" name=\"username\" autocomplete=\"username\" value=\""
                + HtmlPages.escape(link.address()) + "\" hidden>"
                + field("password", "New password", errorField, error)
                + field("confirmation", "The same password again", errorField, error)
                + "<div class=\"actions\"><button id=\"set-password\" class=\"primary\" type=\"submit\">Save the password"
                + "</button></div></form>");
    }

    private static String field(String name, String label, String errorField, String error) {
        boolean wrong = name.equals(errorField);
        return "<div class=\"field\"><label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\""
                + name + "\" type=\"password\" autocomplete=\"new-password\" required minlength=\"" + PasswordPolicy.MIN_LENGTH
                + "\"" + (wrong ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "") + ">"
                + (wrong ? "<p id=\"" + name + "-error\" class=\"field-error\">" + HtmlPages.escape(error) + "</p>" : "")
                + "</div>";
    }

    private static void done(HttpServletRequest request, HttpServletResponse response, PasswordLink link) throws IOException {
        String back = link.envelopeId() == null ? "" : "<div class=\"actions\"><a id=\"open-envelope\" class=\"button primary\""
                + " href=\"" + HtmlPages.escape(request.getContextPath() + EnvelopeViewerServlet.PATH + "?envelope="
                + URLEncoder.encode(link.envelopeId(), StandardCharsets.UTF_8)) + "\">Open the secure message</a></div>";
        HtmlPages.writeHtml(request, response, HttpServletResponse.SC_OK, "Your password is set",
                "<p id=\"password-saved\">From now on, sign in as <strong>" + HtmlPages.escape(link.address())
                        + "</strong> with this password to open secure messages. You are signed in on this browser.</p>"
                        + back);
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }
}
