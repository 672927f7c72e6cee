package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.user.AccountUser;
import org.openenvelope.user.AccountUsers;
import org.openenvelope.user.UserOrigin;

/**
 * The user an assertion signs in, found by federation ID (compared case-sensitively) or created just in time.
 * Just-in-time creation, when enabled, is limited to addresses in a domain (or exact address) of the account's
 * Profiles: the IdP may vouch for anyone, but the account only owns its own domains. Domains match in any case, so
 * a federation ID that differs from an existing user's only in case creates no second user: the sign-in is refused
 * and says which spelling the account has.
 */
@ApplicationScoped
public class FederatedUsers {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountUsers users;

    @Inject
    ProfileOwners profileOwners;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * The account's user with exactly this federation ID, created now when the account allows it, and the time of
     * this sign-in recorded.
     *
     * @throws SamlRejectedException {@code unknown_user} when there is none and none may be created
     */
    public AccountUser signingIn(Account account, IdentityProviderSettings settings, String federationId) {
        Optional<AccountUser> existing = users.byFederationId(account, federationId);
        if (existing.isPresent()) {
            users.recordSignIn(existing.get(), clock.instant());
            return existing.get();
        }
        if (mayCreate(account, settings, federationId)) {
            refuseSpellingOfAnotherUser(account, federationId);
            AccountUser created = new AccountUser(account, federationId, UserOrigin.JUST_IN_TIME, "sso", clock.instant());
            created.signedIn(clock.instant());
            em.persist(created);
            audit.recordAs("sso", AuditAction.USER_CREATED_JUST_IN_TIME, account.getNumber(),
                    "Created user " + federationId + " at first sign-in");
            return created;
        }
        throw new SamlRejectedException(SamlFailure.UNKNOWN_USER, "No user of account " + account.getNumber()
                + " has the federation ID \"" + federationId + "\" (compared case-sensitively)"
                + (settings.justInTimeUsers() ? ", and its domain is not in the account's Profiles." : "; add the user,"
                + " or enable just-in-time creation for the account's domains."));
    }

    /**
     * What a sign-in with this federation ID would find, for Test SSO: nothing is created.
     *
     * @throws SamlRejectedException {@code unknown_user} when the sign-in would be refused
     */
    public String describe(Account account, IdentityProviderSettings settings, String federationId) {
        if (users.byFederationId(account, federationId).isPresent()) {
            return "a user of this account";
        }
        if (mayCreate(account, settings, federationId)) {
            refuseSpellingOfAnotherUser(account, federationId);
            return "not a user yet; would be created just in time at the first sign-in";
        }
        throw new SamlRejectedException(SamlFailure.UNKNOWN_USER, "No user of account " + account.getNumber()
                + " has the federation ID \"" + federationId + "\" (compared case-sensitively).");
    }

    private void refuseSpellingOfAnotherUser(Account account, String federationId) {
        users.byAddressIgnoringCase(account, federationId.toLowerCase(Locale.ROOT)).stream().findFirst()
                .ifPresent(other -> {
                    throw new SamlRejectedException(SamlFailure.UNKNOWN_USER, "The identity provider sent \""
                            + federationId + "\", but account " + account.getNumber() + " has the user \""
                            + other.getFederationId() + "\": federation IDs are compared case-sensitively, so no"
                            + " second user is created just in time. Make the identity provider send the spelling the"
                            + " account has, or correct the user's federation ID.");
                });
    }

    private boolean mayCreate(Account account, IdentityProviderSettings settings, String federationId) {
        return settings.justInTimeUsers() && profileOwners.serves(account, federationId);
    }
}
