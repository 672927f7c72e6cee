package org.openenvelope.administrator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/administrators. */
@Schema(name = "AddAdministrator")
public record AddAdministratorRequest(
        @Schema(required = true, example = "jane@example.com") String email,
        @Schema(maxLength = Administrator.DISPLAY_NAME_MAX_LENGTH, example = "Jane Doe") String displayName) {
}
