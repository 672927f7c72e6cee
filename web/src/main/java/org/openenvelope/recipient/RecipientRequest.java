package org.openenvelope.recipient;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the envelope viewer sends to sign a recipient in, or to have a code or link mailed. */
@Schema(name = "RecipientRequest")
public record RecipientRequest(
        @Schema(description = "The recipient's address", example = "bob@example.org") String address,
        @Schema(description = "The envelope being opened (codes and registrations are only mailed to its recipients)")
        String envelope,
        @Schema(description = "The one-time code from the mail (code sign-in only)") String code,
        @Schema(description = "The registered password (password sign-in only)") String password) {
}
