package org.openenvelope.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * PATCH /api/v1/accounts/{number}: what to change; a property left out (or null) stays as it is.
 *
 * @param status the wanted status as text, so that an unknown value is reported against this field rather
 *               than as unreadable JSON
 */
@Schema(name = "UpdateAccount")
public record UpdateAccountRequest(
        @Schema(maxLength = Account.NAME_MAX_LENGTH, description = "New name") String name,
        @Schema(enumeration = {"ACTIVE", "SUSPENDED"},
                description = "SUSPENDED suspends, ACTIVE reactivates (service administrators only)") String status) {
}
