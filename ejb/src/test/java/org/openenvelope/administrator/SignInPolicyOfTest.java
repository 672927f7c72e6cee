package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;

class SignInPolicyOfTest {

    private static final Account ACCOUNT = new Account("12345674", "Example Ltd", Instant.EPOCH);

    private static AdministratorSignInPolicy policy(boolean secondFactor, boolean identityProvider) {
        AdministratorSignInPolicy policy = new AdministratorSignInPolicy(ACCOUNT);
        policy.change(secondFactor, identityProvider, "admin@example.com", Instant.EPOCH);
        return policy;
    }

    @Test
    void theServiceOrTheAccountRequiresTheSecondFactor() {
        assertFalse(SignInPolicyOf.required(false, Optional.empty()));
        assertFalse(SignInPolicyOf.required(false, Optional.of(policy(false, true))));
        assertTrue(SignInPolicyOf.required(false, Optional.of(policy(true, false))));
        assertTrue(SignInPolicyOf.required(true, Optional.empty()));
        assertTrue(SignInPolicyOf.required(true, Optional.of(policy(false, false))), "the service's word holds");
    }

    @Test
    void noIdentityProviderSignsAdministratorsInWhileTheServiceRequiresTheCode() {
        SignInPolicyOf policies = new SignInPolicyOf();
        policies.requiredServiceWide = true;
        // decided before the account's policy is read: the service's requirement is not the account's to waive
        assertFalse(policies.identityProviderSignIn(ACCOUNT));
        assertTrue(policies.secondFactorRequired(Administrator.forService("root@example.com", "Root", "hash", false,
                Instant.EPOCH)));
    }
}
