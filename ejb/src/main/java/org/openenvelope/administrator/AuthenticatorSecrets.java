package org.openenvelope.administrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.openenvelope.security.SealedSecrets;

/** Administrators' authenticator app secrets, sealed under the master key. */
@ApplicationScoped
public class AuthenticatorSecrets implements SealedSecrets {

    @Override
    public List<Stored> stored(EntityManager em) {
        return em.createNamedQuery(Administrator.WITH_SECOND_FACTOR, Administrator.class).getResultStream()
                .map(administrator -> new Stored(administrator.getSealedAuthenticatorSecret(),
                        purpose(administrator.getId()), administrator::resealAuthenticatorSecret,
                        "authenticator app secret of administrator " + administrator.getEmail())).toList();
    }

    /** Bound to its administrator: a sealed secret copied to another row does not open. */
    static String purpose(long administratorId) {
        return "administrator-authenticator:" + administratorId;
    }
}
