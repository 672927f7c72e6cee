package org.openenvelope.saml;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/v1/accounts/{number}/saml/service-provider. */
@Schema(name = "ServiceProviderSettings")
public record ServiceProviderRequest(
        @Schema(description = "The SP entity ID; empty returns to the default derived from the base URL",
                example = "https://envelope.example.com/saml/12345674") String entityId) {
}
