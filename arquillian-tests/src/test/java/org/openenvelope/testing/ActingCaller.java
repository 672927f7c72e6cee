package org.openenvelope.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CurrentCaller;

/**
 * Lets an in-container test act as any {@link Caller}: the services' own access rules then run exactly as for a
 * signed-in administrator or a token, without going through HTTP sign-in.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@RequestScoped
public class ActingCaller extends CurrentCaller {

    private Caller caller;

    public void actAs(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Optional<Caller> find() {
        return Optional.ofNullable(caller);
    }
}
