package org.openenvelope.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.BrandingView;

/**
 * The small server-rendered pages recipients see around the envelope viewer (not found, a password link, the page
 * without JavaScript), in the viewer's style and, once the envelope is known, its account's brand. Everything put in
 * them is escaped here.
 */
public final class HtmlPages {

    /** No scripts at all on these pages; the one inline style, a brand's colours, by its hash. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'%s; img-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String BRAND = HtmlPages.class.getName() + ".brand";

    private HtmlPages() {
    }

    /** The pages this request writes are about an envelope of an account with this brand, and wear it. */
    public static void wear(HttpServletRequest request, Brand brand) {
        request.setAttribute(BRAND, brand);
    }

    /** A page with a heading and one paragraph of text. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String text) throws IOException {
        writeHtml(request, response, status, title, "<p>" + escape(text) + "</p>");
    }

    /** A page with a heading and body HTML the caller built (and escaped). */
    public static void writeHtml(HttpServletRequest request, HttpServletResponse response, int status, String title,
                                 String bodyHtml) throws IOException {
        Brand brand = (Brand) request.getAttribute(BRAND);
        String style = brand == null ? "" : brand.cssVariables();
        String logo = brand == null || brand.logo() == null ? "" : "<img class=\"brand-logo\" src=\""
                + escape(request.getContextPath()) + BrandingView.LOGO_PATH + brand.logo().digest() + "\" alt=\""
                + escape(brand.displayName()) + "\">";
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY.formatted(style.isEmpty() ? ""
                : " '" + sha256(style) + "'"));
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + escape(request.getContextPath()) + "/envelope/viewer.css\">"
                + (style.isEmpty() ? "" : "<style>" + style + "</style>") + "</head>"
                + "<body><main id=\"viewer\" class=\"page\">" + logo + "<section class=\"panel\"><h1>" + escape(title) + "</h1>"
                + bodyHtml + "</section></main></body></html>");
    }

    private static String sha256(String inline) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(inline.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
