package org.openenvelope.administrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;

/** How administrators must sign in, in the caller's transaction: the account's policy and the service's setting. */
@ApplicationScoped
public class SignInPolicyOf {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** Every administrator, service administrators too, needs a second factor when this is set. */
    @Inject
    @ConfigProperty(name = "openenvelope.admin.second-factor-required", defaultValue = "false")
    boolean requiredServiceWide;

    public boolean requiredServiceWide() {
        return requiredServiceWide;
    }

    public boolean secondFactorRequired(Administrator administrator) {
        return required(requiredServiceWide, administrator.getAccount() == null ? Optional.empty()
                : stored(administrator.getAccount()));
    }

    /**
     * Whether the account's identity provider signs its administrators in; never while the service requires the
     * authenticator code of everyone, which the identity provider's own factors do not stand for.
     */
    public boolean identityProviderSignIn(Account account) {
        return !requiredServiceWide
                && stored(account).map(AdministratorSignInPolicy::isIdentityProviderSignIn).orElse(false);
    }

    Optional<AdministratorSignInPolicy> stored(Account account) {
        return Optional.ofNullable(em.find(AdministratorSignInPolicy.class, account.getId()));
    }

    static boolean required(boolean serviceWide, Optional<AdministratorSignInPolicy> account) {
        return serviceWide || account.map(AdministratorSignInPolicy::isSecondFactorRequired).orElse(false);
    }
}
