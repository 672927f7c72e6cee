package org.openenvelope.saml;

import java.util.List;
import org.openenvelope.account.AuthenticationMethod;

/**
 * Where an account stands with SSO: the method in force, every identity provider in short, and one of them in full
 * (the default unless another was asked for): its active and draft configurations, its latest Test SSO, and whether
 * Enable SSO is possible (and if not, why); and the account's Profiles entries, which are assigned to them.
 */
public record SsoStatusView(AuthenticationMethod authenticationMethod, String identityProvider,
                            IdentityProviderView active, IdentityProviderView draft, SsoTestView latestTest,
                            boolean enableAllowed, String enableBlockedBecause,
                            List<IdentityProviderSummary> identityProviders, List<String> profileEntries) {
}
