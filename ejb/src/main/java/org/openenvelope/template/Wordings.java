package org.openenvelope.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.Logo;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/**
 * The notification's wordings: the service's own in each language, the checks an account's wording passes before it
 * is kept (every field given, within its length, placeholders known, the HTML reduced to formatting), and rendering.
 */
public final class Wordings {

    /** Formatting, links and inline styles, as mail clients show them; no scripts, forms, frames or remote media. */
    private static final Safelist HTML = Safelist.relaxed().addAttributes(":all", "style").removeTags("img");
    /** Placeholders stand as URLs while the HTML is cleaned, so that href="{open_link}" survives as a link. */
    private static final String STAND_IN = "https://placeholder.openenvelope.invalid/";

    private Wordings() {
    }

    /** The service's own wording in a language: what an account starts from and what Restore defaults gives back. */
    public static NotificationWording standard(TemplateLanguage language) {
        return switch (language) {
            case EN -> new NotificationWording("{subject}",
                    "{sender} sent you an encrypted message through {account}.\n\n"
                            + "To read it, open the attached file {attachment} and choose \"Open the message\". The message"
                            + " opens on {service}, where you confirm your email address; it is decrypted in your"
                            + " browser. It can be opened until: {expiry}.\n\n"
                            + "The attached file never asks for a password. If a page asks you for one before you are on"
                            + " {service}, close it.\n",
                    "<p><strong>{sender}</strong> sent you an encrypted message through <strong>{account}</strong>.</p>"
                            + "<p>To read it, open the attached file <strong>{attachment}</strong> and choose <em>Open the"
                            + " message</em>. The message opens on <strong>{service}</strong>, where you confirm your email"
                            + " address; it is decrypted in your browser. It can be opened until: {expiry}.</p>"
                            + "<p style=\"color:#56616e\">The attached file never asks for a password. If a page asks you"
                            + " for one before you are on {service}, close it.</p>");
            case DE -> new NotificationWording("{subject}",
                    "{sender} hat Ihnen über {account} eine verschlüsselte Nachricht gesendet.\n\n"
                            + "Öffnen Sie zum Lesen die angehängte Datei {attachment} und wählen Sie „Nachricht öffnen“."
                            + " Die Nachricht öffnet sich auf {service}, wo Sie Ihre E-Mail-Adresse bestätigen; sie wird"
                            + " in Ihrem Browser entschlüsselt. Sie kann geöffnet werden bis: {expiry}.\n\n"
                            + "Die angehängte Datei fragt nie nach einem Passwort. Fragt eine Seite danach, bevor Sie auf"
                            + " {service} sind, schließen Sie sie.\n",
                    "<p><strong>{sender}</strong> hat Ihnen über <strong>{account}</strong> eine verschlüsselte Nachricht"
                            + " gesendet.</p><p>Öffnen Sie zum Lesen die angehängte Datei <strong>{attachment}</strong>"
                            + " und wählen Sie <em>Nachricht öffnen</em>. Die Nachricht öffnet sich auf"
                            + " <strong>{service}</strong>, wo Sie Ihre E-Mail-Adresse bestätigen; sie wird in Ihrem"
                            + " Browser entschlüsselt. Sie kann geöffnet werden bis: {expiry}.</p>"
                            + "<p style=\"color:#56616e\">Die angehängte Datei fragt nie nach einem Passwort. Fragt eine"
                            + " Seite danach, bevor Sie auf {service} sind, schließen Sie sie.</p>");
            case FR -> new NotificationWording("{subject}",
                    "{sender} vous a envoyé un message chiffré par {account}.\n\n"
                            + "Pour le lire, ouvrez le fichier joint {attachment} et choisissez « Ouvrir le message ». Le"
                            + " message s'ouvre sur {service}, où vous confirmez votre adresse e-mail ; il est déchiffré"
                            + " dans votre navigateur. Il peut être ouvert jusqu'au : {expiry}.\n\n"
                            + "Le fichier joint ne demande jamais de mot de passe. Si une page vous en demande un avant"
                            + " que vous soyez sur {service}, fermez-la.\n",
                    "<p><strong>{sender}</strong> vous a envoyé un message chiffré par <strong>{account}</strong>.</p>"
                            + "<p>Pour le lire, ouvrez le fichier joint <strong>{attachment}</strong> et choisissez"
                            + " <em>Ouvrir le message</em>. Le message s'ouvre sur <strong>{service}</strong>, où vous"
                            + " confirmez votre adresse e-mail ; il est déchiffré dans votre navigateur. Il peut être"
                            + " ouvert jusqu'au : {expiry}.</p><p style=\"color:#56616e\">Le fichier joint ne demande"
                            + " jamais de mot de passe. Si une page vous en demande un avant que vous soyez sur"
                            + " {service}, fermez-la.</p>");
        };
    }

    /**
     * An account's wording as it is kept: every field given and within its length, every placeholder known, the
     * subject one line, the HTML reduced to formatting and links.
     *
     * @throws RejectedValuesException naming each field ({@code subject}, {@code text}, {@code html}) and problem
     */
    public static NotificationWording checked(NotificationWording wording) {
        List<ValueProblem> problems = new ArrayList<>();
        check("subject", "The subject", wording.subject(), NotificationTemplate.SUBJECT_MAX, problems);
        check("text", "The plain text", wording.text(), NotificationTemplate.TEXT_MAX, problems);
        check("html", "The HTML", wording.html(), NotificationTemplate.HTML_MAX, problems);
        if (wording.subject() != null && (wording.subject().contains("\n") || wording.subject().contains("\r"))) {
            problems.add(new ValueProblem("subject", wording.subject(), "The subject must be one line."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        String html = sanitised(wording.html());
        if (html.length() > NotificationTemplate.HTML_MAX) {
            throw new RejectedValuesException(List.of(new ValueProblem("html", "", "The HTML is longer than "
                    + NotificationTemplate.HTML_MAX + " characters.")));
        }
        return new NotificationWording(wording.subject().strip(), wording.text().strip() + "\n", html);
    }

    private static void check(String field, String what, String value, int max, List<ValueProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new ValueProblem(field, "", what + " is required."));
            return;
        }
        if (value.length() > max) {
            problems.add(new ValueProblem(field, value.substring(0, 40) + "…", what + " is " + value.length()
                    + " characters; at most " + max + " are kept."));
        }
        for (String unknown : Placeholders.unknown(value)) {
            problems.add(new ValueProblem(field, unknown, unknown + " is not a placeholder. " + what + " may use "
                    + String.join(", ", Placeholders.NAMES.stream().map(n -> "{" + n + "}").toList()) + "."));
        }
    }

    static String sanitised(String html) {
        String standing = html;
        for (String name : Placeholders.NAMES) {
            standing = standing.replace("{" + name + "}", STAND_IN + name);
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(standing, "", HTML, output);
        for (String name : Placeholders.NAMES) {
            clean = clean.replace(STAND_IN + name, "{" + name + "}");
        }
        return clean;
    }

    /**
     * The wording with this envelope's values: the subject one line, the text as is, the HTML a whole document
     * under the account's brand (its logo if mail programs can show it, else its name, over a line in its colour).
     */
    public static RenderedNotification render(NotificationWording wording, TemplateLanguage language,
                                              NotificationValues values, Brand brand) {
        Map<String, String> filled = Placeholders.values(values, language);
        String subject = Placeholders.fill(wording.subject(), filled, v -> v.replaceAll("[\\r\\n]+", " "));
        String text = Placeholders.fill(wording.text(), filled, v -> v);
        Logo logo = brand.logo() != null && !brand.logo().isSvg() ? brand.logo() : null;
        String colour = brand.brandColour().hex();
        String banner = logo != null
                ? "<div style=\"border-top:4px solid " + colour + ";padding:16px 0 12px\"><img src=\"cid:"
                + RenderedNotification.LOGO_CID + "\" alt=\"" + escape(brand.displayName()) + "\" height=\"48\""
                + " style=\"display:block;height:48px;width:auto;max-width:240px;border:0\"></div>"
                : "<div style=\"border-top:4px solid " + colour + ";padding:14px 0 10px;font-size:18px;font-weight:600;"
                + "color:" + colour + "\">" + escape(brand.displayName()) + "</div>";
        String html = "<!DOCTYPE html><html lang=\"" + language.name().toLowerCase(java.util.Locale.ROOT) + "\"><body"
                + " style=\"font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2733;line-height:1.5\">"
                + banner + Placeholders.fill(wording.html(), filled, Wordings::escape) + "</body></html>";
        return new RenderedNotification(subject, text, html, logo);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
