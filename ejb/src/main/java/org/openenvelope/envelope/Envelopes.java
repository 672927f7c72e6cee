package org.openenvelope.envelope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.error.ResourceNotFoundException;

/** Envelopes by ID, in the caller's transaction; {@code AccountAccess} decides which account a caller may ask in. */
@ApplicationScoped
public class Envelopes {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public Optional<Envelope> byId(String publicId) {
        return publicId == null ? Optional.empty() : em.createNamedQuery(Envelope.BY_PUBLIC_ID, Envelope.class)
                .setParameter("publicId", publicId).getResultStream().findFirst();
    }

    /**
     * The account's envelope with this ID; another account's is not found, exactly like one that does not exist.
     *
     * @throws ResourceNotFoundException otherwise
     */
    public Envelope of(Account account, String publicId) {
        return byId(publicId).filter(e -> e.getAccount().getId().equals(account.getId())).orElseThrow(() ->
                new ResourceNotFoundException("Envelope " + publicId + " was not found in account " + account.getNumber() + "."));
    }
}
