package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.openenvelope.audit.RequestOrigin;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.EnvelopeOpening;
import org.openenvelope.envelope.EnvelopeRefusedException;
import org.openenvelope.envelope.EnvelopeService;
import org.openenvelope.envelope.EnvelopeTamperedException;
import org.openenvelope.envelope.ServerReading;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.error.TooManyRequestsException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.http.FormBody;
import org.openenvelope.http.HtmlPages;

/**
 * The viewer for browsers that run no JavaScript, {@code /envelope/plain}: plain forms carry the ciphertext from
 * step to step (a one-time code by mail, then the message), and the message is decrypted on the server for that
 * one answer and shown, never stored. Every step is a POST from the service's own page.
 */
@WebServlet(urlPatterns = NoScriptViewerServlet.PATH)
public class NoScriptViewerServlet extends HttpServlet {

    public static final String PATH = "/envelope/plain";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @EJB
    RecipientSignIn signIn;

    @EJB
    EnvelopeOpening opening;

    @EJB
    EnvelopeService envelopes;

    @Inject
    RecipientRateLimits limits;

    @Inject
    RequestOrigin origin;

    @Inject
    BaseUrl baseUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HtmlPages.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Open the message from its attachment",
                "Open the attachment of the email you received (securedoc_….html) and press its button.");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            SameOriginRequests.require(request, baseUrl.of(request));
        } catch (AccessDeniedException e) {
            HtmlPages.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Not allowed", e.getMessage());
            return;
        }
        String links;
        try {
            limits.largeBody(origin.address());
            links = baseUrl.forLinks(request);
        } catch (TooManyRequestsException e) {
            HtmlPages.write(request, response, 429, "Please wait", e.getMessage());
            return;
        } catch (ConflictException e) {
            HtmlPages.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Not available", e.getMessage());
            return;
        }
        Optional<FormBody> form = FormBody.read(request, envelopes.maxMessageBytes() * 4 / 3 + 1_048_576);
        if (form.isEmpty()) {
            HtmlPages.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Too large",
                    "This is more than an envelope can hold.");
            return;
        }
        Step step = new Step(form.get().value("envelope"), form.get().value("ciphertext"), form.get().value("address"),
                form.get().value("code"));
        if (step.envelope == null || step.ciphertext == null || step.ciphertext.isBlank()) {
            doGet(request, response);
            return;
        }
        if (Envelope.isPublicId(step.envelope)) {
            opening.cover(step.envelope).ifPresent(cover -> HtmlPages.wear(request, cover.brand()));
        }
        Optional<RecipientSession> session = RecipientCookie.read(request).flatMap(signIn::session);
        if (session.isPresent()) {
            read(request, response, step, session.get().getAddress(), links);
            return;
        }
        try {
            if (step.address == null || step.address.isBlank()) {
                addressForm(request, response, HttpServletResponse.SC_OK, step, null);
            } else if (step.code == null) {
                String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, step.address);
                limits.mail(origin.address(), address);
                signIn.requestCode(address, step.envelope, links);
                codeForm(request, response, HttpServletResponse.SC_OK, step, null);
            } else {
                String address = RecipientSignIn.address(RecipientSignIn.ADDRESS, step.address);
                limits.signIn(origin.address(), address);
                Optional<StartedSession> started = signIn.signInWithCode(address, step.code);
                if (started.isEmpty()) {
                    codeForm(request, response, HttpServletResponse.SC_UNAUTHORIZED, step, RecipientResource.CODE_WRONG);
                    return;
                }
                RecipientCookie.write(request, response, started.get().sessionKey());
                read(request, response, step, started.get().address(), links);
            }
        } catch (InvalidValueException e) {
            addressForm(request, response, HttpServletResponse.SC_BAD_REQUEST, step, e.getMessage());
        } catch (TooManyRequestsException e) {
            HtmlPages.write(request, response, 429, "Please wait", e.getMessage());
        }
    }

    private record Step(String envelope, String ciphertext, String address, String code) {
        /** The fields every form carries on to the next step. */
        String carried() {
            return hidden("envelope", envelope) + "<textarea name=\"ciphertext\" hidden>" + HtmlPages.escape(ciphertext)
                    + "</textarea>";
        }
    }

    private void read(HttpServletRequest request, HttpServletResponse response, Step step, String address, String links)
            throws IOException {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getMimeDecoder().decode(step.ciphertext);
        } catch (IllegalArgumentException e) {
            tampered(request, response);
            return;
        }
        ServerReading message;
        try {
            signIn.requireNoScriptReading(step.envelope);
            message = opening.readOnServer(step.envelope, address, ciphertext, links);
        } catch (EnvelopeRefusedException refused) {
            HtmlPages.writeHtml(request, response, HttpServletResponse.SC_FORBIDDEN, "This message cannot be opened",
                    "<div id=\"refusal\" data-refusal=\"" + refused.refusal().code() + "\"><p>"
                            + HtmlPages.escape(refused.getMessage()) + "</p>" + (refused.lockReason() == null ? ""
                            : "<p>The sender wrote:</p><blockquote>" + HtmlPages.escape(refused.lockReason()) + "</blockquote>")
                            + "</div>");
            return;
        } catch (EnvelopeTamperedException e) {
            tampered(request, response);
            return;
        } catch (ResourceNotFoundException e) {
            HtmlPages.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Envelope not found", e.getMessage());
            return;
        } finally {
            Arrays.fill(ciphertext, (byte) 0);
        }
        StringBuilder html = new StringBuilder("<dl class=\"fields\" id=\"plain-message\">");
        field(html, "From", message.from());
        field(html, "To", message.to());
        field(html, "Cc", message.cc());
        field(html, "Date", message.date() == null ? null : DATE.format(message.date()));
        html.append("</dl>");
        if (message.text() != null) {
            html.append("<pre id=\"body-text\">").append(HtmlPages.escape(message.text())).append("</pre>");
        } else if (message.safeHtml() != null) {
            html.append("<div id=\"body-html\">").append(message.safeHtml()).append("</div>");
        }
        if (!message.attachments().isEmpty()) {
            html.append("<h2>Attachments</h2><p>Turn on JavaScript and open the message again to download them.</p><ul id=\"attachments\">");
            message.attachments().forEach(a -> html.append("<li>").append(HtmlPages.escape(a.name())).append(" (")
                    .append(a.bytes() / 1024 + 1).append(" KB)</li>"));
            html.append("</ul>");
        }
        HtmlPages.writeHtml(request, response, HttpServletResponse.SC_OK,
                message.subject() == null || message.subject().isBlank() ? "(no subject)" : message.subject(), html.toString());
    }

    private static void field(StringBuilder html, String name, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<div><dt>").append(name).append("</dt><dd>").append(HtmlPages.escape(value)).append("</dd></div>");
        }
    }

    private static void tampered(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HtmlPages.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "The message could not be opened",
                "This envelope's contents do not match the service's record of it; it may have been altered.");
    }

    private static void addressForm(HttpServletRequest request, HttpServletResponse response, int status, Step step,
                                    String error) throws IOException {
        HtmlPages.writeHtml(request, response, status, "Confirm your email address", "<p>This message is encrypted."
                + " To read it, show that it was sent to you: we email you a one-time code.</p>"
                + form(request, step.carried() + "<div class=\"field\"><label for=\"address\">Your email address</label>"
                + "<input id=\"address\" name=\"address\" type=\"email\" autocomplete=\"email\" required"
                + (error == null ? "" : " aria-invalid=\"true\"") + " value=\"" + HtmlPages.escape(nonNull(step.address)) + "\">"
                + (error == null ? "" : "<p id=\"address-error\" class=\"field-error\">" + HtmlPages.escape(error) + "</p>")
                + "</div><div class=\"actions\"><button id=\"send-code\" class=\"primary\" type=\"submit\">"
                + "Email me a one-time code</button></div>"));
    }

    private static void codeForm(HttpServletRequest request, HttpServletResponse response, int status, Step step,
                                 String error) throws IOException {
        HtmlPages.writeHtml(request, response, status, "Enter your code", "<p id=\"notice\">"
                + HtmlPages.escape(RecipientResource.CODE_SENT) + "</p>"
                + form(request, step.carried() + hidden("address", step.address)
                + "<div class=\"field\"><label for=\"code\">One-time code</label><input id=\"code\" name=\"code\""
                + " inputmode=\"numeric\" autocomplete=\"one-time-code\" required"
                + (error == null ? "" : " aria-invalid=\"true\"") + ">"
                + (error == null ? "" : "<p id=\"code-error\" class=\"field-error\">" + HtmlPages.escape(error) + "</p>")
                + "</div><div class=\"actions\"><button id=\"verify-code\" class=\"primary\" type=\"submit\">"
                + "Open the message</button></div>"));
    }

    private static String form(HttpServletRequest request, String fields) {
        return "<form method=\"post\" action=\"" + HtmlPages.escape(request.getContextPath() + PATH) + "\">" + fields + "</form>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + HtmlPages.escape(nonNull(value)) + "\">";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
