package org.openenvelope.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class RegisteredRecipients {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public Optional<RegisteredRecipient> byAddress(String address) {
        return em.createNamedQuery(RegisteredRecipient.BY_ADDRESS, RegisteredRecipient.class)
                .setParameter("address", address).getResultStream().findFirst();
    }
}
