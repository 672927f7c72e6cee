package org.openenvelope.envelope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.openenvelope.security.SealedSecrets;

/** The envelopes' message keys, sealed under the master key; destroyed keys are gone and need no re-sealing. */
@ApplicationScoped
public class EnvelopeKeySecrets implements SealedSecrets {

    @Override
    public List<Stored> stored(EntityManager em) {
        return em.createQuery("select e from Envelope e where e.sealedKey is not null", Envelope.class).getResultStream()
                .map(envelope -> new Stored(envelope.getSealedKey(), Envelope.keyPurpose(envelope.getPublicId()),
                        envelope::reseal, "message key of envelope " + envelope.getPublicId())).toList();
    }
}
