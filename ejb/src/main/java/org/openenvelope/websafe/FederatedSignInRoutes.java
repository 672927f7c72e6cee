package org.openenvelope.websafe;

import java.util.Optional;
import org.openenvelope.account.Account;

/** Which identity provider signs an address in, as the SAML feature decides it (it implements this). */
public interface FederatedSignInRoutes {

    /** The name of the account's identity provider in force that signs {@code address} in, if there is one. */
    Optional<String> identityProviderFor(Account account, String address);
}
