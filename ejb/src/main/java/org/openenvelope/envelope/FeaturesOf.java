package org.openenvelope.envelope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;

/** What an account's envelopes allow, in the caller's transaction: its Features, else the service's defaults. */
@ApplicationScoped
public class FeaturesOf {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** Days until a new envelope expires for accounts that have not set their own; 0: it does not. */
    @Inject
    @ConfigProperty(name = "openenvelope.envelope.expiry-days", defaultValue = "0")
    int expiryDays;

    public EnvelopeFeatures account(Account account) {
        return stored(account).map(AccountFeatures::features).orElseGet(this::defaults);
    }

    Optional<AccountFeatures> stored(Account account) {
        return Optional.ofNullable(em.find(AccountFeatures.class, account.getId()));
    }

    EnvelopeFeatures defaults() {
        EnvelopeFeatures d = EnvelopeFeatures.DEFAULTS;
        return new EnvelopeFeatures(d.secureReply(), d.replyAll(), d.forward(), d.readReceipts(),
                expiryDays > 0 ? expiryDays : null, d.maxExpiryDays(), d.maxMessageMegabytes(), d.passwordSignIn(),
                d.codeSignIn(), d.ssoSignIn());
    }
}
