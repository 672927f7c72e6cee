package org.openenvelope.saml;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/v1/accounts/{number}/saml/identity-provider: the manual entry of the Details tab. */
@Schema(name = "IdentityProvider")
public record IdentityProviderRequest(
        @Schema(required = true, example = "https://idp.example.com/realms/acme") String entityId,
        @Schema(required = true, example = "https://idp.example.com/realms/acme/protocol/saml") String ssoUrl,
        @Schema(enumeration = {"HTTP_REDIRECT", "HTTP_POST"}, defaultValue = "HTTP_REDIRECT") String ssoBinding,
        @Schema(description = "Optional; without it, signing out ends only the local session") String sloUrl,
        @Schema(enumeration = {"HTTP_REDIRECT", "HTTP_POST"}, defaultValue = "HTTP_REDIRECT") String sloBinding,
        @Schema(minimum = "0", maximum = "300", defaultValue = "60") Integer clockSkewSeconds,
        @Schema(defaultValue = "false") Boolean allowSha1,
        @Schema(defaultValue = "false") Boolean allowIdpInitiated,
        @Schema(defaultValue = "false") Boolean justInTimeUsers,
        @Schema(example = "mail") String alternateEmailAttribute,
        @Schema(required = true, description = "The IdP's signing certificates, PEM (or base64 DER); all are trusted")
        List<String> certificates) {
}
