package org.openenvelope.saml;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/saml/tests/{id}/identify-users. */
@Schema(name = "IdentifyUsers")
public record IdentifyUsersRequest(
        @Schema(description = "One of the run's receivedAttributes; null or absent: the NameID", example = "uid")
        String attribute) {
}
