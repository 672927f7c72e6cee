package org.openenvelope.branding;

import java.time.Instant;

/**
 * An account's Branding as the tab and the API show it.
 *
 * @param displayName     null while recipients see the account's name, {@code shownName}
 * @param logoType        null without a logo
 * @param logoPath        the logo's address below the service's base URL, for recipient pages and previews
 * @param updatedAt       null while the account has the service's look
 */
public record BrandingView(String displayName, String shownName, String brandColour, String backgroundColour,
                           String logoType, Integer logoBytes, String logoPath, Instant updatedAt, String updatedBy) {

    /** Where recipient pages load a logo, by its digest. */
    public static final String LOGO_PATH = "/envelope/logo/";

    static BrandingView of(Brand brand, String displayName, Instant updatedAt, String updatedBy) {
        Logo logo = brand.logo();
        return new BrandingView(displayName, brand.displayName(), brand.brandColour().hex(),
                brand.backgroundColour().hex(), logo == null ? null : logo.mediaType(),
                logo == null ? null : logo.size(), logo == null ? null : LOGO_PATH + logo.digest(), updatedAt,
                updatedBy);
    }
}
