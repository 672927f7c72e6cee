package org.openenvelope.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/profiles/{id}/verification; the body may be left out (DNS). */
@Schema(name = "VerifyProfileEntry")
public record VerifyProfileEntryRequest(@Schema(enumeration = {"DNS", "ADMINISTRATOR"}, defaultValue = "DNS") String method) {
}
