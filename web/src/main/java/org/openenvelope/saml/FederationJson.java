package org.openenvelope.saml;

/** GET /api/v1/accounts/{number}/saml: both sides of the federation; {@code identityProvider} null until configured. */
public record FederationJson(ServiceProviderView serviceProvider, IdentityProviderView identityProvider) {
}
