package org.openenvelope.branding;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts' logos for the recipient pages, {@code /envelope/logo/<sha256>}: addressed by content, so they are
 * cached for good and a changed logo is a new address. An SVG opened on its own runs nothing: its policy forbids
 * scripts and anything loaded, on top of the sanitising it went through on upload.
 */
@WebServlet(urlPatterns = BrandingView.LOGO_PATH + "*")
public class LogoServlet extends HttpServlet {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    private static final Pattern DIGEST = Pattern.compile("/[0-9a-f]{64}");

    @Inject
    BrandOf brands;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<Logo> logo = path != null && DIGEST.matcher(path).matches()
                ? brands.logo(path.substring(1)) : Optional.empty();
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(logo.get().mediaType());
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("Content-Disposition", "inline; filename=\"logo." + (logo.get().isSvg() ? "svg" : "png")
                + "\"");
        response.setContentLength(logo.get().size());
        response.getOutputStream().write(logo.get().bytes());
    }
}
