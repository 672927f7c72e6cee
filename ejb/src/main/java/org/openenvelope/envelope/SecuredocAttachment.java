package org.openenvelope.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.Logo;

/**
 * The {@code securedoc_<yyyyMMdd>T<HHmmss>.html} attachment: one self-contained HTML file (no external script,
 * style or image; a content policy allows only its own script and style) holding the envelope's ciphertext. Its
 * one button opens the service's viewer and hands the ciphertext over with {@code postMessage}, so the ciphertext
 * never reaches the service; where no window opens (scripts off, a blocked pop-up) the same button posts it. It
 * never asks for a password. It wears the account's brand: its name, colours and logo (a data: image). The file is ASCII with short lines, so mail can carry it as 7bit, unencoded.
 */
public final class SecuredocAttachment {

    /** Where the viewer lives, below the service's base URL. */
    public static final String VIEWER_PATH = "/envelope/open";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final int LINE = 76;
    private static final String TEMPLATE = resource("securedoc.html");
    private static final String STYLE = resource("securedoc.css").strip();
    private static final String SCRIPT = resource("securedoc.js").strip();

    private SecuredocAttachment() {
    }

    /** The attachment's file name, from when the envelope was sealed (UTC). */
    public static String fileName(Instant sealedAt) {
        return "securedoc_" + FILE_TIME.format(sealedAt) + ".html";
    }

    /**
     * @param baseUrl     the service's public base URL
     * @param sender  who the file says sent it; the viewer shows the service's own record instead
     * @param brand   the sender's account as its recipients see it: its name, colours and logo
     */
    public static byte[] render(String envelopeId, byte[] ciphertext, String baseUrl, String sender, Brand brand,
                                Instant sealedAt) {
        URI base = URI.create(baseUrl);
        String origin = origin(base);
        String viewer = baseUrl + VIEWER_PATH;
        String style = STYLE + brand.cssVariables();
        Map<String, String> values = Map.ofEntries(
                Map.entry("scriptHash", hash(SCRIPT)), Map.entry("styleHash", hash(style)),
                Map.entry("style", style), Map.entry("script", SCRIPT), Map.entry("logo", logo(brand)),
                Map.entry("origin", escape(origin)), Map.entry("host", escape(base.getHost().toLowerCase(Locale.ROOT))),
                Map.entry("viewer", escape(viewer)),
                Map.entry("viewerWindow", escape(viewer + "?envelope=" + envelopeId)),
                Map.entry("envelope", escape(envelopeId)), Map.entry("sender", escape(sender)),
                Map.entry("account", escape(brand.displayName())), Map.entry("sent", escape(SENT.format(sealedAt))),
                Map.entry("ciphertext", lines(Base64.getEncoder().encodeToString(ciphertext))));
        Matcher matcher = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder html = new StringBuilder(TEMPLATE.length() + ciphertext.length * 4 / 3 + ciphertext.length / LINE + 64);
        while (matcher.find()) {
            matcher.appendReplacement(html, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(html);
        return html.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The logo as a data: image (an SVG in an img runs nothing and loads nothing), or nothing. */
    private static String logo(Brand brand) {
        Logo logo = brand.logo();
        if (logo == null) {
            return "";
        }
        return "<p class=\"logo\"><img alt=\"" + escape(brand.displayName()) + "\" src=\"data:" + logo.mediaType()
                + ";base64,\n" + lines(Base64.getEncoder().encodeToString(logo.bytes())) + "\n\"></p>";
    }

    /**
     * The origin exactly as a browser serialises it (lower-case scheme and host, no default port): the attachment's
     * script compares the viewer's messages with it character for character.
     */
    static String origin(URI base) {
        String scheme = base.getScheme().toLowerCase(Locale.ROOT);
        int port = base.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + base.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** HTML text and attribute escaping, with everything outside ASCII as a character reference. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String lines(String base64) {
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / LINE + 1);
        for (int i = 0; i < base64.length(); i += LINE) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(base64, i, Math.min(base64.length(), i + LINE));
        }
        return out.toString();
    }

    private static String hash(String inline) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SecuredocAttachment.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
