package org.openenvelope.recipient;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.BrandingView;
import org.openenvelope.envelope.EnvelopeCover;
import org.openenvelope.http.HtmlPages;

/**
 * The envelope viewer's page for one envelope, under its account's brand (colours as CSS variables, which are hex
 * values only, and the logo loaded by its digest); also what the Branding tab previews.
 */
public final class ViewerPage {

    static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String template;

    private ViewerPage(String template) {
        this.template = template;
    }

    public static ViewerPage load(ServletContext servletContext) {
        try (InputStream in = servletContext.getResourceAsStream("/WEB-INF/envelope/viewer.html")) {
            return new ViewerPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The viewer page cannot be read", e);
        }
    }

    /**
     * @param ciphertext what the attachment posted (base64, already checked), or empty
     * @param preview    the Branding tab's sample: its sign-in step shown though no script runs
     */
    public String render(String context, EnvelopeCover envelope, String ciphertext, boolean preview) {
        Brand brand = envelope.brand();
        String logo = brand.logo() == null ? "" : "<img class=\"brand-logo\" src=\"" + HtmlPages.escape(context)
                + BrandingView.LOGO_PATH + brand.logo().digest() + "\" alt=\"" + HtmlPages.escape(brand.displayName())
                + "\">";
        return template
                .replace("{{context}}", HtmlPages.escape(context))
                .replace("{{brandStyle}}", brand.cssVariables())
                .replace("{{preview}}", preview ? " data-preview" : "")
                .replace("{{logo}}", logo)
                .replace("{{envelope}}", HtmlPages.escape(envelope.envelopeId()))
                .replace("{{sender}}", HtmlPages.escape(envelope.sender()))
                .replace("{{account}}", HtmlPages.escape(brand.displayName()))
                .replace("{{sentAt}}", envelope.sentAt().toString())
                .replace("{{sentDisplay}}", SENT.format(envelope.sentAt()))
                .replace("{{ciphertext}}", ciphertext)
                .replace("{{noscript}}", ciphertext.isEmpty()
                        ? "<p>Turn on JavaScript, or open the attachment again and press its button.</p>"
                        : "<p>You can also read it without JavaScript: the service then decrypts it for you, for this"
                        + " once, and keeps nothing.</p><div class=\"actions\"><button id=\"read-without-script\""
                        + " class=\"primary\" type=\"submit\">Read it without JavaScript</button></div>");
    }
}
