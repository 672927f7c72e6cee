package org.openenvelope.branding;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.openenvelope.envelope.BrandingPreview;
import org.openenvelope.envelope.BrandingPreviews;
import org.openenvelope.envelope.EnvelopeCover;
import org.openenvelope.error.ServiceException;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.recipient.ViewerPage;

/**
 * The Branding tab's previews, framed by the tab ({@code /admin/accounts/branding-preview?account=…&of=…}): the
 * securedoc attachment, the notification mail and the recipient page with sample values, under the brand as saved
 * or, given {@code displayName}, {@code brandColour} and {@code backgroundColour}, as the form has it before saving.
 * Nothing in a preview runs: every one is sandboxed without scripts.
 */
@WebServlet(urlPatterns = BrandingPreviewServlet.PATH)
public class BrandingPreviewServlet extends HttpServlet {

    public static final String PATH = "/admin/accounts/branding-preview";
    static final String POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " sandbox; frame-ancestors 'self'";

    @EJB
    BrandingPreviews previews;

    @Inject
    BaseUrl baseUrl;

    @Inject
    Clock clock;

    private ViewerPage page;

    @Override
    public void init() {
        page = ViewerPage.load(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String of = request.getParameter("of");
        if (!"attachment".equals(of) && !"mail".equals(of) && !"page".equals(of)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        BrandChoice choice = request.getParameter("brandColour") == null ? null : new BrandChoice(
                request.getParameter("displayName"), request.getParameter("brandColour"),
                request.getParameter("backgroundColour"));
        BrandingPreview preview;
        try {
            preview = previews.preview(request.getParameter("account"), choice, baseUrl.of(request));
        } catch (ServiceException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        String html = switch (of) {
            case "attachment" -> new String(preview.attachment(), StandardCharsets.US_ASCII);
            case "mail" -> preview.mail().htmlWithLogoInline();
            default -> page.render(request.getContextPath(), new EnvelopeCover(BrandingPreview.SAMPLE_ENVELOPE,
                    BrandingPreview.SAMPLE_SENDER, preview.brand(), clock.instant()), "", true);
        };
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }
}
