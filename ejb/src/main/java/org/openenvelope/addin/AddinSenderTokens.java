package org.openenvelope.addin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.openenvelope.security.SenderTokens;

/** The add-in's sessions, as the authentication mechanism asks about them. */
@ApplicationScoped
public class AddinSenderTokens implements SenderTokens {

    @EJB
    AddinService addin;

    @Override
    public Optional<String> authenticate(String token) {
        return addin.authenticate(token);
    }
}
