package org.openenvelope.saml;

/** GET /api/v1/accounts/{number}/saml: the SP, and where the account stands with its identity provider. */
public record FederationJson(ServiceProviderView serviceProvider, SsoStatusView sso) {
}
