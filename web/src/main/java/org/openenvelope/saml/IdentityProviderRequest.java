package org.openenvelope.saml;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/v1/accounts/{number}/saml/identity-provider: the manual entry of the Details tab. */
@Schema(name = "IdentityProvider")
public record IdentityProviderRequest(
        @Schema(required = true, example = "https://idp.example.com/realms/acme") String entityId,
        @Schema(required = true, example = "https://idp.example.com/realms/acme/protocol/saml") String ssoUrl,
        @Schema(enumeration = {"HTTP_REDIRECT", "HTTP_POST"}, defaultValue = "HTTP_REDIRECT") String ssoBinding,
        @Schema(defaultValue = "true", description = "Sign AuthnRequests with the SP key. Signing costs CPU time at every sign-in; sign when the identity provider requires it (ADFS, Entra ID and Okta accept unsigned requests; Keycloak requires signed ones unless its client is set otherwise)") Boolean signAuthnRequests,
        @Schema(description = "Optional; without it, signing out ends only the local session") String sloUrl,
        @Schema(enumeration = {"HTTP_REDIRECT", "HTTP_POST"}, defaultValue = "HTTP_REDIRECT") String sloBinding,
        @Schema(minimum = "0", maximum = "300", defaultValue = "60") Integer clockSkewSeconds,
        @Schema(defaultValue = "false") Boolean allowSha1,
        @Schema(defaultValue = "false") Boolean allowIdpInitiated,
        @Schema(defaultValue = "false") Boolean justInTimeUsers,
        @Schema(example = "mail", description = "The attribute carrying the user's email when the NameID is not one")
        String alternateEmailAttribute,
        @Schema(enumeration = {"NAME_ID", "ATTRIBUTE", "LEGACY"}, description = "What identifies the user: the NameID,"
                + " or federationIdAttribute. Default: ATTRIBUTE when federationIdAttribute is given, else NAME_ID."
                + " LEGACY (the alternate email attribute, uid, then the NameID) is kept for configurations from"
                + " before this choice") String federationIdSource,
        @Schema(example = "uid", description = "With federationIdSource ATTRIBUTE: the attribute whose value is the"
                + " user's federation ID; also found under its OID, urn:mace and claim names and by FriendlyName")
        String federationIdAttribute,
        @Schema(required = true, description = "The IdP's signing certificates, PEM (or base64 DER); all are trusted")
        List<String> certificates) {
}
