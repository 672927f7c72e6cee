package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.openenvelope.security.SealedSecrets;

/** The SP private keys, sealed under the master key. */
@ApplicationScoped
public class ServiceProviderKeySecrets implements SealedSecrets {

    @Override
    public List<Stored> stored(EntityManager em) {
        return em.createQuery("select k from ServiceProviderKey k join fetch k.serviceProvider s join fetch s.account",
                ServiceProviderKey.class).getResultStream().map(key -> new Stored(key.getEncryptedPrivateKey(),
                        ServiceProviderKey.secretPurpose(key.getServiceProvider().getAccount()), key::resealPrivateKey,
                        "SP key " + key.getFingerprint())).toList();
    }
}
