package org.openenvelope.template;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.Base64;
import org.openenvelope.branding.Logo;

/**
 * A notification's subject, plain text and HTML document, every placeholder replaced.
 *
 * @param inlineLogo the logo the HTML shows as {@code cid:}{@value #LOGO_CID}, carried in the mail beside it; null
 *                   when it shows none (mail programs show PNG, not SVG)
 */
public record RenderedNotification(String subject, String text, String html, @JsonbTransient Logo inlineLogo) {

    public static final String LOGO_CID = "logo@openenvelope";

    /** The HTML with the logo inline, for previews in a browser, where {@code cid:} means nothing. */
    public String htmlWithLogoInline() {
        return inlineLogo == null ? html : html.replace("cid:" + LOGO_CID, "data:" + inlineLogo.mediaType()
                + ";base64," + Base64.getEncoder().encodeToString(inlineLogo.bytes()));
    }
}
