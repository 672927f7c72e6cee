package org.openenvelope.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import org.openenvelope.error.AccessDeniedException;

/** The {@link Caller} of the current request, as established by the web tier's authentication mechanism. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext securityContext;

    public Optional<Caller> find() {
        return securityContext.getPrincipalsByType(Caller.class).stream().findFirst();
    }

    public Caller get() {
        return find().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}
