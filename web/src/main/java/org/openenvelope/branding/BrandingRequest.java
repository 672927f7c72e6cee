package org.openenvelope.branding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/v1/accounts/{number}/branding: the display name and both colours at once. */
@Schema(name = "AccountBranding")
public record BrandingRequest(
        @Schema(description = "What recipients are told the message came through, up to 100 characters; null or"
                + " blank for the account's name") String displayName,
        @Schema(required = true, description = "Buttons, links and lines, #rrggbb; white text on it must reach a"
                + " contrast of 4.5:1") String brandColour,
        @Schema(required = true, description = "Around the recipient pages and the attachment, #rrggbb; grey text on"
                + " it must reach a contrast of 4.5:1") String backgroundColour) {

    BrandChoice choice() {
        return new BrandChoice(displayName, brandColour, backgroundColour);
    }
}
