package org.openenvelope.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.openenvelope.security.SealedSecrets;

/** The accounts' Microsoft 365 client secrets, sealed under the master key. */
@ApplicationScoped
public class MicrosoftClientSecrets implements SealedSecrets {

    @Override
    public List<Stored> stored(EntityManager em) {
        return em.createQuery("select c from MicrosoftConnection c join fetch c.account", MicrosoftConnection.class)
                .getResultStream().map(connection -> new Stored(connection.getSealedSecret(),
                        MicrosoftConnection.secretPurpose(connection.getAccount()), connection::reseal,
                        "Microsoft 365 client secret of account " + connection.getAccount().getNumber())).toList();
    }
}
