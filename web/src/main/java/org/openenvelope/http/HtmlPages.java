package org.openenvelope.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The small server-rendered pages recipients see around the envelope viewer (not found, a password link), in the
 * viewer's style. Everything put in them is escaped here.
 */
public final class HtmlPages {

    /** No scripts at all on these pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private HtmlPages() {
    }

    /** A page with a heading and one paragraph of text. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String text) throws IOException {
        writeHtml(request, response, status, title, "<p>" + escape(text) + "</p>");
    }

    /** A page with a heading and body HTML the caller built (and escaped). */
    public static void writeHtml(HttpServletRequest request, HttpServletResponse response, int status, String title,
                                 String bodyHtml) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + escape(request.getContextPath()) + "/envelope/viewer.css\"></head>"
                + "<body><main id=\"viewer\" class=\"page\"><section class=\"panel\"><h1>" + escape(title) + "</h1>"
                + bodyHtml + "</section></main></body></html>");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
