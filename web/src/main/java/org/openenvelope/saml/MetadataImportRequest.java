package org.openenvelope.saml;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/saml/identity-provider/metadata. */
@Schema(name = "MetadataImport")
public record MetadataImportRequest(
        @Schema(description = "The IdP metadata document (XML); or give url") String metadata,
        @Schema(description = "https URL to read the metadata from instead; re-read every refreshHours once enabled") String metadataUrl,
        @Schema(description = "With metadataUrl: hours between refreshes, 1–168", defaultValue = "24") Integer refreshHours,
        @Schema(enumeration = {"MORE_SECURE", "LESS_SECURE"}, defaultValue = "LESS_SECURE") String trust,
        @Schema(description = "MORE_SECURE: pinned signing certificates or CA certificates, PEM") List<String> anchors,
        @Schema(description = "The IdP to read when the document has several; default the first") String entityId,
        @Schema(defaultValue = "false", description = "true: show what would change, save nothing") Boolean preview,
        @Schema(description = "The account's own choices to set with the import (allowSha1, …); the current ones are kept otherwise")
        IdentityProviderOptionsRequest options) {
}
