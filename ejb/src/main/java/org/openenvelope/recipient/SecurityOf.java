package org.openenvelope.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;
import org.openenvelope.envelope.Envelopes;

/** How an account's recipients must sign in, in the caller's transaction: its Security, else the defaults. */
@ApplicationScoped
public class SecurityOf {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Envelopes envelopes;

    @Inject
    @ConfigProperty(name = "openenvelope.recipient.session-minutes", defaultValue = "120")
    int sessionMinutes;

    public RecipientSecurity account(Account account) {
        return stored(account).map(AccountSecurity::security).orElseGet(this::defaults);
    }

    /** The security of the account that sealed the envelope; the defaults for an ID that names none. */
    public RecipientSecurity envelope(String envelopeId) {
        return envelopes.byId(envelopeId).map(e -> account(e.getAccount())).orElseGet(this::defaults);
    }

    Optional<AccountSecurity> stored(Account account) {
        return Optional.ofNullable(em.find(AccountSecurity.class, account.getId()));
    }

    RecipientSecurity defaults() {
        return RecipientSecurity.defaults(sessionMinutes);
    }
}
