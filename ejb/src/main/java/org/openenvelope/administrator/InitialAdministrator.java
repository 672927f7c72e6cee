package org.openenvelope.administrator;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.operations.ServiceLog;

/**
 * On the first start, creates the service administrator ({@code openenvelope.admin.email}) with the password
 * from {@code openenvelope.admin.password} (environment variable {@code OPENENVELOPE_ADMIN_PASSWORD}). Without
 * one, a random password is generated and printed to the log exactly once; it must be changed at first sign-in.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class InitialAdministrator {

    private static final Logger LOG = ServiceLog.logger(InitialAdministrator.class);

    @EJB
    AdministratorService administrators;

    @Inject
    @ConfigProperty(name = "openenvelope.admin.email")
    String email;

    @Inject
    @ConfigProperty(name = "openenvelope.admin.password")
    Optional<String> password;

    /** Outside a transaction, so the administrator is committed before the log says it exists. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void ensure() {
        administrators.ensureServiceAdministrator(email, password.filter(p -> !p.isBlank()))
                .ifPresentOrElse(
                        generated -> LOG.warning(() -> "\n\n    Created the service administrator " + email
                                + " with the one-time password: " + generated
                                + "\n    Sign in at /admin/ and choose a new password. This password is not shown again.\n"),
                        () -> LOG.info(() -> "Service administrator sign-in: " + email));
    }
}
