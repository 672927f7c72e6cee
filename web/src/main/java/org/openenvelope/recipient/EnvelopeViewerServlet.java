package org.openenvelope.recipient;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openenvelope.audit.RequestOrigin;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.EnvelopeCover;
import org.openenvelope.envelope.EnvelopeOpening;
import org.openenvelope.envelope.EnvelopeService;
import org.openenvelope.error.TooManyRequestsException;
import org.openenvelope.http.FormBody;
import org.openenvelope.http.HtmlPages;

/**
 * The envelope viewer, {@code /envelope/open}: a GET shows the envelope's cover from the service's record and
 * the script that takes the ciphertext from the attachment; a POST is the attachment's fallback where it could
 * not open a window, and carries the ciphertext, which is put in the page for the script and kept nowhere.
 * Decryption happens in the browser once the recipient has signed in.
 */
@WebServlet(urlPatterns = EnvelopeViewerServlet.PATH)
public class EnvelopeViewerServlet extends HttpServlet {

    public static final String PATH = "/envelope/open";
    /** The viewer's own policy: mail HTML needs inline styles, and remote images once the reader allows them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob: https:; connect-src 'self'; frame-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");

    @EJB
    EnvelopeOpening opening;

    @EJB
    EnvelopeService envelopes;

    @Inject
    RecipientRateLimits limits;

    @Inject
    RequestOrigin origin;

    private ViewerPage page;

    @Override
    public void init() {
        page = ViewerPage.load(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, request.getParameter("envelope"), "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            limits.largeBody(origin.address());
        } catch (TooManyRequestsException e) {
            HtmlPages.write(request, response, 429, "Please wait", e.getMessage());
            return;
        }
        // The attachment's form: read here, not by the container, whose form limit is far below an envelope's size.
        long limit = envelopes.maxMessageBytes() * 4 / 3 + 1_048_576;
        Optional<FormBody> form = FormBody.read(request, limit);
        if (form.isEmpty()) {
            HtmlPages.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Too large",
                    "The attachment sent more than an envelope can hold.");
            return;
        }
        String ciphertext = form.get().value("ciphertext");
        if (ciphertext == null || ciphertext.isBlank() || !BASE64.matcher(ciphertext).matches()) {
            HtmlPages.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "Not an envelope",
                    "The attachment sent no encrypted message. Open it again from the email and press its button.");
            return;
        }
        show(request, response, form.get().value("envelope"), ciphertext);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String envelopeId, String ciphertext)
            throws IOException {
        Optional<EnvelopeCover> cover = Envelope.isPublicId(envelopeId)
                ? opening.cover(envelopeId) : Optional.empty();
        if (cover.isEmpty()) {
            HtmlPages.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Envelope not found",
                    "This envelope is not known here. Open the attachment of the email you received again; if this"
                            + " page comes back, ask the sender to send the message again.");
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page.render(request.getContextPath(), cover.get(), ciphertext, false));
    }
}
