package org.openenvelope.saml;

import java.util.List;

/** The Profiles entries (domains or addresses) one identity provider signs in. */
public record IdentityProviderDomainsRequest(List<String> domains) {
}
