package org.openenvelope.saml;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.error.InvalidValueException;

/**
 * PATCH /api/v1/accounts/{number}/saml/identity-provider, and the options of a metadata import: the account's own
 * choices, each kept when left out.
 */
@Schema(name = "IdentityProviderOptions")
public record IdentityProviderOptionsRequest(
        @Schema(minimum = "0", maximum = "300") Integer clockSkewSeconds,
        @Schema(description = "Accept SHA-1 signatures from this identity provider (for IdPs that cannot sign with SHA-256)")
        Boolean allowSha1,
        Boolean allowIdpInitiated,
        Boolean justInTimeUsers,
        @Schema(description = "The attribute carrying the user's email when the NameID is not one; empty removes it")
        String alternateEmailAttribute,
        @Schema(enumeration = {"NAME_ID", "ATTRIBUTE", "LEGACY"}) String federationIdSource,
        @Schema(example = "uid") String federationIdAttribute,
        @Schema(description = "Sign AuthnRequests with the SP key. Signing costs CPU time at every sign-in; sign when the identity provider requires it (ADFS, Entra ID and Okta accept unsigned requests; Keycloak requires signed ones unless its client is set otherwise). At metadata import, left out: as the metadata's WantAuthnRequestsSigned asks;"
                + " false is refused for an identity provider whose metadata accepts only signed requests")
        Boolean signAuthnRequests) {

    IdentityProviderOptions options() {
        return new IdentityProviderOptions(clockSkewSeconds, allowSha1, allowIdpInitiated, justInTimeUsers,
                alternateEmailAttribute, federationIdSource(federationIdSource), federationIdAttribute, signAuthnRequests);
    }

    static FederationIdSource federationIdSource(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FederationIdSource.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("federationIdSource", "federationIdSource must be NAME_ID, ATTRIBUTE or"
                    + " LEGACY, not \"" + value + "\".");
        }
    }
}
