package org.openenvelope.template;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a notification's wording may use, and how they are filled: in the subject as one line, in the
 * plain text as they are, in the HTML escaped. Anything in braces that is not one of them is refused by name, so a
 * typing error never reaches a recipient.
 */
public final class Placeholders {

    public static final List<String> NAMES = List.of("sender", "account", "subject", "attachment", "service", "expiry",
            "open_link");
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}\\s]{1,40})\\}");

    private Placeholders() {
    }

    /** The names in braces that are no placeholder, in the order they first appear. */
    public static Set<String> unknown(String wording) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(wording);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
        }
        return unknown;
    }

    /** The wording with every placeholder replaced by its value, each value passed through {@code fit} first. */
    static String fill(String wording, Map<String, String> values, UnaryOperator<String> fit) {
        Matcher matcher = TOKEN.matcher(wording);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : fit.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The values of one envelope's placeholders, the expiry written in the wording's language. */
    static Map<String, String> values(NotificationValues v, TemplateLanguage language) {
        String expiry = v.expiresAt() == null ? switch (language) {
            case EN -> "no set date";
            case DE -> "unbefristet";
            case FR -> "sans date limite";
        } : DateTimeFormatter.ofPattern(switch (language) {
            case EN, FR -> "d MMMM yyyy, HH:mm 'UTC'";
            case DE -> "d. MMMM yyyy, HH:mm 'UTC'";
        }, locale(language)).withZone(ZoneOffset.UTC).format(v.expiresAt());
        return Map.of("sender", v.sender(), "account", v.account(), "subject", v.subject(), "attachment", v.attachment(),
                "service", v.service(), "expiry", expiry, "open_link", v.openLink());
    }

    static Locale locale(TemplateLanguage language) {
        return switch (language) {
            case EN -> Locale.ENGLISH;
            case DE -> Locale.GERMAN;
            case FR -> Locale.FRENCH;
        };
    }
}
