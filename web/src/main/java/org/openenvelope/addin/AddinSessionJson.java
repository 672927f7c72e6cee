package org.openenvelope.addin;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The signed-in sender as the add-in reads it, with what to do with messages: for Flag, the subject text or the
 * header's name and value ready to apply.
 *
 * @param token only in the answer to a sign-in, never again
 */
@Schema(name = "AddinSession")
public record AddinSessionJson(String token, String federationId, String mailbox, String accountName,
                               String signedInWith, Instant expiresAt,
                               @Schema(description = "Whether the add-in may keep the token when Outlook closes") boolean remembered,
                               @Schema(enumeration = {"ENCRYPT", "FLAG"}) String encryptionType, Flag flag) {

    @Schema(name = "AddinFlag")
    public record Flag(@Schema(enumeration = {"SUBJECT", "HEADER"}) String type, String subjectText, String headerName,
                       String headerValue) {
    }

    static AddinSessionJson of(String token, AddinSessionView view) {
        DomainSettings s = view.settings();
        Flag flag = s.encryptionType() != EncryptionType.FLAG ? null : s.flagType() == FlagType.SUBJECT
                ? new Flag("SUBJECT", s.flagValue(), null, null)
                : new Flag("HEADER", null, s.headerName(), s.headerValue());
        return new AddinSessionJson(token, view.federationId(), view.mailbox(), view.accountName(),
                view.signedInWith().name(), view.expiresAt(), view.remembered(), s.encryptionType().name(), flag);
    }
}
