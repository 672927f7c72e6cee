package org.openenvelope.graph;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.security.SecretBox;

/**
 * Addin Config step 1: an account's Entra ID tenant and app registration. Saved on its own, so nothing typed here is
 * lost when step 2 is not completed; the client secret is sealed under the master key at once and never shown or
 * logged again; Test connection obtains a token and reports permission by permission.
 */
@Stateless
public class MicrosoftConnectionService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    SecretBox secrets;

    @Inject
    GraphClient graph;

    @Inject
    MicrosoftConnections connections;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public MicrosoftConnectionView connection(String accountNumber) {
        return find(access.account(accountNumber)).map(MicrosoftConnectionView::of).orElse(MicrosoftConnectionView.NONE);
    }

    /**
     * Saves tenant ID, client ID and (when given) a new client secret; a blank secret keeps the one set. Every wrong
     * value is reported at once, naming its field; nothing is saved then.
     */
    public MicrosoftConnectionView saveDetails(String accountNumber, String tenantId, String clientId, String clientSecret) {
        Account account = access.account(accountNumber);
        String actor = access.caller().getName();
        MicrosoftConnection.SecretSealer sealer = (secret, purpose) -> secrets.seal(secret.getBytes(StandardCharsets.UTF_8), purpose);
        Optional<MicrosoftConnection> existing = find(account);
        MicrosoftConnection connection;
        String detail;
        if (existing.isPresent()) {
            connection = existing.get();
            String before = connection.getTenantId() + " / " + connection.getClientId();
            String hintBefore = connection.getSecretHint();
            java.time.Instant savedBefore = connection.getSecretSavedAt();
            connection.change(tenantId, clientId, clientSecret, sealer, actor, clock.instant());
            detail = "Microsoft 365 details changed: tenant / client " + before + " → " + connection.getTenantId() + " / "
                    + connection.getClientId() + (connection.getSecretSavedAt().equals(savedBefore) ? ", secret kept"
                    : ", client secret replaced (now " + connection.getSecretHint() + ", was " + hintBefore + ")");
        } else {
            connection = MicrosoftConnection.create(account, tenantId, clientId, clientSecret, sealer, actor, clock.instant());
            em.persist(connection);
            detail = "Microsoft 365 details saved: tenant " + connection.getTenantId() + ", client "
                    + connection.getClientId() + ", client secret " + connection.getSecretHint();
        }
        audit.record(AuditAction.MICROSOFT_365_DETAILS_SAVED, accountNumber, detail);
        return MicrosoftConnectionView.of(connection);
    }

    /**
     * Obtains a token with the saved details and reports which permissions are granted, or which problem Microsoft
     * named (unknown tenant, wrong client ID, wrong or expired secret, …); the outcome is kept with the details.
     */
    public ConnectionTest testConnection(String accountNumber) {
        Account account = access.account(accountNumber);
        MicrosoftConnection connection = find(account).orElseThrow(() -> new ConflictException("tenantId",
                "Save the Azure AD details (step 1) before testing the connection."));
        ConnectionTest test;
        try {
            test = ConnectionTest.of(graph.testConnection(connections.appRegistration(connection)));
        } catch (GraphException e) {
            test = ConnectionTest.failed(e);
        }
        String missing = test.permissions().stream().filter(p -> !p.granted()).map(PermissionReport.Permission::name)
                .collect(Collectors.joining(", "));
        connection.tested(test.outcome(), test.problem() != null ? test.message() : missing.isEmpty() ? null
                : "Missing: " + missing, clock.instant());
        audit.record(AuditAction.MICROSOFT_365_CONNECTION_TESTED, accountNumber, "Test connection: " + test.outcome()
                + (test.problem() != null ? " (" + test.problem() + ")" : missing.isEmpty() ? "" : " (missing " + missing + ")"));
        return test;
    }

    private Optional<MicrosoftConnection> find(Account account) {
        return connections.of(account);
    }
}
