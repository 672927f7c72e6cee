package org.openenvelope.branding;

import java.util.Locale;
import java.util.regex.Pattern;

/** An sRGB colour as CSS writes it, {@code #1f5fae}; with the WCAG 2 contrast arithmetic a brand is checked by. */
public record Colour(int red, int green, int blue) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    /** @return null when the text is not {@code #} and six hexadecimal digits */
    public static Colour parse(String text) {
        if (text == null || !HEX.matcher(text.strip()).matches()) {
            return null;
        }
        int rgb = Integer.parseInt(text.strip().substring(1), 16);
        return new Colour(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    /** Lower case, so that it can go into CSS and HTML unescaped. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** The contrast ratio of WCAG 2 (1 to 21): 4.5 is what normal text needs (level AA). */
    public double contrastWith(Colour other) {
        double a = luminance();
        double b = other.luminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** This colour mixed with black, for a hovered button. */
    public Colour darker(double share) {
        return new Colour(mix(red, share), mix(green, share), mix(blue, share));
    }

    private static int mix(int channel, double share) {
        return (int) Math.round(channel * (1 - share));
    }

    private double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
