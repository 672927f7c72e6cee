package org.openenvelope.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts. */
@Schema(name = "CreateAccount")
public record CreateAccountRequest(
        @Schema(required = true, maxLength = Account.NAME_MAX_LENGTH, example = "Example Corp") String name) {
}
