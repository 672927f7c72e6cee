package org.openenvelope.saml;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/saml/identity-provider/metadata. */
@Schema(name = "MetadataImport")
public record MetadataImportRequest(
        @Schema(required = true, description = "The IdP metadata document (XML)") String metadata,
        @Schema(enumeration = {"MORE_SECURE", "LESS_SECURE"}, defaultValue = "LESS_SECURE") String trust,
        @Schema(description = "MORE_SECURE: pinned signing certificates or CA certificates, PEM") List<String> anchors,
        @Schema(description = "The IdP to read when the document has several; default the first") String entityId,
        @Schema(defaultValue = "false", description = "true: show what would change, save nothing") Boolean preview) {
}
