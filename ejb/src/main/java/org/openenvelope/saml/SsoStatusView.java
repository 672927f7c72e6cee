package org.openenvelope.saml;

import org.openenvelope.account.AuthenticationMethod;

/**
 * Where an account stands with SSO: the method in force, the active and draft configurations, the latest Test SSO,
 * and whether Enable SSO is possible (and if not, why).
 */
public record SsoStatusView(AuthenticationMethod authenticationMethod, IdentityProviderView active,
                            IdentityProviderView draft, SsoTestView latestTest, boolean enableAllowed,
                            String enableBlockedBecause) {
}
