package org.openenvelope.envelope;

import org.openenvelope.branding.Brand;
import org.openenvelope.template.RenderedNotification;

/** What the Branding tab previews: the attachment and the notification with sample values, and the brand itself. */
public record BrandingPreview(Brand brand, byte[] attachment, RenderedNotification mail) {

    /** Not an envelope ID the service issues (those are 22 characters): the preview opens nothing. */
    public static final String SAMPLE_ENVELOPE = "preview";
    public static final String SAMPLE_SENDER = "Alice Example <alice@example.com>";
}
