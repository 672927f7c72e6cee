package org.openenvelope.graph;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/v1/accounts/{number}/microsoft-365: Addin Config step 1. */
@Schema(name = "MicrosoftConnectionDetails")
public record MicrosoftConnectionRequest(
        @Schema(required = true, description = "Directory (tenant) ID: a GUID or the tenant's domain") String tenantId,
        @Schema(required = true, description = "Application (client) ID of the app registration") String clientId,
        @Schema(description = "The client secret's Value; required the first time, omit to keep the one set. Never returned.",
                format = "password") String clientSecret) {
}
