package org.openenvelope.websafe;

/** Where an email address entered at {@code /websafe/login} leads. */
public sealed interface LoginRoute {

    /** The account signs in with SAML: start SP-initiated SSO at the one of its identity providers that serves the address. */
    record SingleSignOn(String accountNumber, String identityProvider) implements LoginRoute {

        /** Where SP-initiated sign-in starts, below the context path; more query parameters may follow. */
        public String signInPath() {
            return "/saml/" + accountNumber + "/login?idp=" + identityProvider;
        }
    }

    /** The account signs in with passwords: ask for this address's password. */
    record Password(String address) implements LoginRoute {
    }

    /**
     * Nobody here signs this address in (unknown domain, suspended account, SSO not set up): one message for all,
     * so that the page tells nothing about which accounts exist or what state they are in.
     */
    record Unavailable(String message) implements LoginRoute {
    }
}
