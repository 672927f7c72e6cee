package org.openenvelope.administrator;

import java.io.Serializable;
import java.time.Instant;

/**
 * How an account's administrators sign in, as the Groups tab and the API show it.
 *
 * @param requiredServiceWide the service requires a second factor of every administrator, whatever the account says
 * @param updatedAt           null while the account keeps the defaults
 */
public record SignInPolicyView(boolean secondFactorRequired, boolean identityProviderSignIn,
                               boolean requiredServiceWide, Instant updatedAt, String updatedBy) implements Serializable {
}
