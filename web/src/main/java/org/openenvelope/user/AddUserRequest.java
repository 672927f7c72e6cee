package org.openenvelope.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/users. */
@Schema(name = "AddUser")
public record AddUserRequest(
        @Schema(required = true, description = "Exactly as the IdP sends it (compared case-sensitively)",
                example = "Jane.Doe@example.com") String federationId) {
}
