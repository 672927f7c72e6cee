package org.openenvelope.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.security.SecretBox;

/** An account's Microsoft 365 connection, in the caller's transaction, and its app registration for a call now. */
@ApplicationScoped
public class MicrosoftConnections {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    SecretBox secrets;

    public Optional<MicrosoftConnection> of(Account account) {
        return em.createNamedQuery(MicrosoftConnection.OF_ACCOUNT, MicrosoftConnection.class).setParameter("account", account)
                .getResultStream().findFirst();
    }

    /** The app registration with its secret opened, for a Graph call now; never kept. */
    public Optional<AppRegistration> appRegistration(Account account) {
        return of(account).map(this::appRegistration);
    }

    AppRegistration appRegistration(MicrosoftConnection connection) {
        String secret = new String(secrets.open(connection.getSealedSecret(),
                MicrosoftConnection.secretPurpose(connection.getAccount())), StandardCharsets.UTF_8);
        return new AppRegistration(connection.getTenantId(), connection.getClientId(), secret);
    }
}
