package org.openenvelope.branding;

/**
 * How an account appears to its recipients: in the securedoc attachment, the notification mail and the recipient
 * pages.
 *
 * @param displayName what recipients are told the message came through (the account's name unless it chose one)
 * @param logo        null when the account has none
 */
public record Brand(String displayName, Colour brandColour, Colour backgroundColour, Logo logo) {

    public static final Colour STANDARD_BRAND = new Colour(0x0b, 0x5c, 0xad);
    public static final Colour STANDARD_BACKGROUND = new Colour(0xf3, 0xf5, 0xf8);
    /** Button text sits on the brand colour. */
    public static final Colour BUTTON_TEXT = new Colour(0xff, 0xff, 0xff);
    /** The recipient pages' secondary text, the faintest that sits on the background. */
    public static final Colour MUTED_TEXT = new Colour(0x5b, 0x66, 0x75);
    /** WCAG 2 level AA for normal text. */
    public static final double MIN_CONTRAST = 4.5;

    /** The service's own look, under the account's name. */
    public static Brand standard(String accountName) {
        return new Brand(accountName, STANDARD_BRAND, STANDARD_BACKGROUND, null);
    }

    /** The brand colour darkened, for a pressed or hovered button. */
    public Colour brandColourDark() {
        return brandColour.darker(0.2);
    }

    /** CSS custom properties the recipient pages and the attachment take their colours from; only hex values. */
    public String cssVariables() {
        return ":root{--brand:" + brandColour.hex() + ";--brand-dark:" + brandColourDark().hex() + ";--canvas:"
                + backgroundColour.hex() + "}";
    }
}
