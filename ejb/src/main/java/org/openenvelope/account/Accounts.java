package org.openenvelope.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openenvelope.error.ResourceNotFoundException;

/**
 * Accounts by number, in the caller's transaction, with no access check: {@code AccountAccess} adds the
 * caller's check on top for everything a caller asks for; the public SAML endpoints use this directly.
 */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The account with this number; none for a number that is not well-formed. */
    public Optional<Account> byNumber(String number) {
        return AccountNumber.isWellFormed(number)
                ? em.createNamedQuery(Account.BY_NUMBER, Account.class).setParameter("number", number)
                        .getResultStream().findFirst()
                : Optional.empty();
    }

    /**
     * The account with this number, for the public endpoints that name it in their URL.
     *
     * @throws ResourceNotFoundException when there is none
     */
    public Account require(String number) {
        return byNumber(number).orElseThrow(() -> new ResourceNotFoundException("There is no account " + number + "."));
    }
}
