package org.openenvelope.profile;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/accounts/{number}/profiles.
 *
 * @param type   {@code DOMAIN} or {@code EMAIL_ADDRESS}, as text so that an unknown type is reported against
 *               this field rather than as unreadable JSON
 * @param values either one string separated like the portal's text area (commas, semicolons, line breaks) or
 *               an array with one value per element
 */
@Schema(name = "AddProfileEntries")
public record AddProfileEntriesRequest(
        @Schema(required = true, enumeration = {"DOMAIN", "EMAIL_ADDRESS"}) String type,
        @Schema(required = true, oneOf = {String.class, String[].class},
                description = "\"a.example; b.example\" or [\"a.example\", \"b.example\"]") JsonValue values) {
}
