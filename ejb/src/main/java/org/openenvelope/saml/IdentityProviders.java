package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.profile.ProfileEntry;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.saml.validation.IdentityProviderTrust;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.websafe.FederatedSignInRoutes;

/**
 * An account's identity provider configurations, in the caller's transaction, and which of them serves an address:
 * the one its verified Profiles entry (the address's own, else its domain's) is assigned to while that one is in
 * force, else the account's default, the first created ({@link IdentityProviderRouting}).
 */
@ApplicationScoped
public class IdentityProviders implements FederatedSignInRoutes {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    ProfileOwners profileOwners;

    /** Every configuration of the account, the oldest identity provider first. */
    public List<IdentityProvider> all(Account account) {
        return em.createNamedQuery(IdentityProvider.ALL_OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", account).getResultList();
    }

    /** The names of the account's identity providers, the default first. */
    public List<String> names(Account account) {
        return all(account).stream().map(IdentityProvider::getName).distinct().toList();
    }

    /** The default identity provider's name: the first created, or the name the first one will get. */
    public String defaultName(Account account) {
        return names(account).stream().findFirst().orElse(IdentityProvider.FIRST_NAME);
    }

    /** The configuration of the named identity provider in force for sign-ins. */
    public Optional<IdentityProvider> active(Account account, String name) {
        return of(account, name, IdpStage.ACTIVE);
    }

    /** The named identity provider's configuration being edited and tested, if any. */
    public Optional<IdentityProvider> draft(Account account, String name) {
        return of(account, name, IdpStage.DRAFT);
    }

    /** The configurations in force, the default's first. */
    public List<IdentityProvider> allActive(Account account) {
        return all(account).stream().filter(idp -> idp.getStage() == IdpStage.ACTIVE).toList();
    }

    /** The configuration in force whose entity ID is {@code issuer} (unique among them: Enable refuses a second). */
    public Optional<IdentityProvider> activeIssuedBy(Account account, String issuer) {
        return allActive(account).stream().filter(idp -> idp.getEntityId().equals(issuer)).findFirst();
    }

    /**
     * The named identity provider's configuration in force, when the account signs in with SAML.
     *
     * @param name null for the account's default
     * @throws SamlRejectedException {@code sso_not_configured} otherwise
     */
    public IdentityProvider enabled(Account account, String name) {
        // one query for the default's name and the configuration: every sign-in starts here
        List<IdentityProvider> all = all(account);
        String wanted = name != null ? name
                : all.stream().map(IdentityProvider::getName).findFirst().orElse(IdentityProvider.FIRST_NAME);
        Optional<IdentityProvider> active = all.stream()
                .filter(idp -> idp.getStage() == IdpStage.ACTIVE && idp.getName().equals(wanted)).findFirst();
        if (account.getAuthenticationMethod() != AuthenticationMethod.SAML || active.isEmpty()) {
            throw new SamlRejectedException(SamlFailure.SSO_NOT_CONFIGURED, "Account " + account.getNumber()
                    + " does not sign in with SAML 2.0" + (active.isEmpty() ? " (identity provider \"" + wanted
                    + "\" is not enabled)." : "."));
        }
        return active.get();
    }

    /** The account's routing rule as things stand: its default and the identity providers in force. */
    public IdentityProviderRouting routing(Account account) {
        List<IdentityProvider> all = all(account);
        return new IdentityProviderRouting(all.stream().map(IdentityProvider::getName).findFirst()
                .orElse(IdentityProvider.FIRST_NAME), all.stream().filter(idp -> idp.getStage() == IdpStage.ACTIVE)
                .map(IdentityProvider::getName).collect(Collectors.toSet()));
    }

    /**
     * The name of the identity provider that signs in {@code identifier} (an address; anything else, or null, has
     * no Profiles entry and is the default's): see {@link IdentityProviderRouting}.
     */
    public String serving(Account account, String identifier) {
        return serving(routing(account), account, identifier);
    }

    /**
     * Refuses a sign-in by an identity provider that does not serve the user: a subsidiary's IdP must not vouch for
     * the parent's people. {@code identifier} is the federation ID (or a recipient's address); only an address has a
     * Profiles entry, so a user identified otherwise is the default's alone. A Test SSO judges the draft as if it
     * were in force.
     *
     * @throws SamlRejectedException {@code identity_provider_not_serving}
     */
    public void requireServes(IdentityProvider answering, String identifier) {
        Account account = answering.getAccount();
        IdentityProviderRouting routing = routing(account);
        String serving = serving(answering.getStage() == IdpStage.DRAFT ? routing.withDraft(answering.getName()) : routing,
                account, identifier);
        if (!serving.equals(answering.getName())) {
            throw new SamlRejectedException(SamlFailure.IDENTITY_PROVIDER_NOT_SERVING, "Identity provider \""
                    + answering.getName() + "\" (" + answering.getEntityId() + ") vouched for " + identifier
                    + ", whom " + (identifier != null && identifier.indexOf('@') > 0 ? "identity provider \"" + serving
                    + "\"" : "only the default identity provider \"" + serving + "\" (the value is no address)")
                    + " of account " + account.getNumber() + " signs in.");
        }
    }

    private String serving(IdentityProviderRouting routing, Account account, String identifier) {
        return routing.serving(profileOwners.entryServing(account, identifier).map(ProfileEntry::getIdentityProviderName)
                .orElse(null));
    }

    @Override
    public Optional<String> identityProviderFor(Account account, String address) {
        return active(account, serving(account, address)).map(IdentityProvider::getName);
    }

    /** What the message checks trust of a configuration. */
    public static IdentityProviderTrust trust(IdentityProviderSettings settings) {
        return new IdentityProviderTrust(settings.entityId(), settings.certificates(),
                Duration.ofSeconds(settings.clockSkewSeconds()), settings.allowSha1(), settings.allowIdpInitiated());
    }

    private Optional<IdentityProvider> of(Account account, String name, IdpStage stage) {
        return em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class).setParameter("account", account)
                .setParameter("name", name).setParameter("stage", stage).getResultStream().findFirst();
    }
}
