package org.openenvelope.graph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/**
 * An account's Microsoft 365 connection (Addin Config, step 1): the Entra ID tenant and the app registration the
 * service calls Microsoft Graph with. The client secret is held only sealed; the entity never sees it in clear, and
 * keeps its first characters as the hint Entra ID itself shows.
 */
@Entity
@Table(name = "microsoft_connection")
@NamedQuery(name = MicrosoftConnection.OF_ACCOUNT, query = "select c from MicrosoftConnection c where c.account = :account")
public class MicrosoftConnection {

    public static final String OF_ACCOUNT = "MicrosoftConnection.ofAccount";
    public static final int HINT_LENGTH = 3;
    static final int MAX_SECRET = 1024;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TENANT_DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "microsoft_connection_id")
    @SequenceGenerator(name = "microsoft_connection_id", sequenceName = "microsoft_connection_id_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false, unique = true)
    private Account account;

    @Column(name = "tenant_id", nullable = false, length = 253)
    private String tenantId;

    @Column(name = "client_id", nullable = false, length = 36)
    private String clientId;

    @Column(name = "sealed_secret", nullable = false, length = 2000)
    private String sealedSecret;

    @Column(name = "secret_hint", nullable = false, length = 8)
    private String secretHint;

    @Column(name = "secret_saved_at", nullable = false)
    private Instant secretSavedAt;

    @Column(name = "secret_saved_by", nullable = false, length = 254)
    private String secretSavedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Column(name = "tested_at")
    private Instant testedAt;

    @Column(name = "test_outcome", length = 32)
    private String testOutcome;

    @Column(name = "test_detail", length = 4000)
    private String testDetail;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MicrosoftConnection() {
    }

    /**
     * The first save: tenant, client and secret together.
     *
     * @throws RejectedValuesException naming each wrong field ({@code tenantId}, {@code clientId}, {@code clientSecret})
     */
    public static MicrosoftConnection create(Account account, String tenantId, String clientId, String secret,
                                             SecretSealer sealer, String actor, Instant now) {
        List<ValueProblem> problems = new ArrayList<>();
        String tenant = validTenant(tenantId, problems);
        String client = validClient(clientId, problems);
        String checkedSecret = validSecret(secret, true, problems);
        reject(problems);
        MicrosoftConnection connection = new MicrosoftConnection();
        connection.account = account;
        connection.tenantId = tenant;
        connection.clientId = client;
        connection.replaceSecret(checkedSecret, sealer, actor, now);
        connection.touch(actor, now);
        return connection;
    }

    /** Changes the details; a blank {@code secret} keeps the one that is set. A changed detail voids the last test. */
    public void change(String tenantId, String clientId, String secret, SecretSealer sealer, String actor, Instant now) {
        List<ValueProblem> problems = new ArrayList<>();
        String tenant = validTenant(tenantId, problems);
        String client = validClient(clientId, problems);
        String checkedSecret = validSecret(secret, false, problems);
        reject(problems);
        boolean changed = !tenant.equals(this.tenantId) || !client.equals(this.clientId) || checkedSecret != null;
        this.tenantId = tenant;
        this.clientId = client;
        if (checkedSecret != null) {
            replaceSecret(checkedSecret, sealer, actor, now);
        }
        if (changed) {
            testedAt = null;
            testOutcome = null;
            testDetail = null;
        }
        touch(actor, now);
    }

    /** Seals the secret for this account; the sealer binds it to {@link #secretPurpose(Account)}. */
    @FunctionalInterface
    public interface SecretSealer {
        String seal(String secret, String purpose);
    }

    public static String secretPurpose(Account account) {
        return "graph-client-secret:" + account.getNumber();
    }

    /** The same secret, sealed again (under a new master key after a rotation). */
    public void reseal(String resealed) {
        sealedSecret = resealed;
    }

    public void tested(String outcome, String detail, Instant now) {
        testedAt = now;
        testOutcome = outcome;
        testDetail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3999) + "…";
    }

    private void replaceSecret(String secret, SecretSealer sealer, String actor, Instant now) {
        sealedSecret = sealer.seal(secret, secretPurpose(account));
        secretHint = secret.substring(0, Math.min(HINT_LENGTH, secret.length())) + "…";
        secretSavedAt = now;
        secretSavedBy = actor;
    }

    private void touch(String actor, Instant now) {
        updatedAt = now;
        updatedBy = actor;
    }

    private static String validTenant(String candidate, List<ValueProblem> problems) {
        String value = candidate == null ? "" : candidate.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            problems.add(new ValueProblem("tenantId", "", "Enter the Directory (tenant) ID."));
        } else if (!GUID.matcher(value).matches() && !TENANT_DOMAIN.matcher(value).matches()) {
            problems.add(new ValueProblem("tenantId", value, "The tenant ID must be a GUID such as"
                    + " 72f988bf-86f1-41af-91ab-2d7cd011db47, or the tenant's domain such as contoso.onmicrosoft.com."));
        }
        return value;
    }

    private static String validClient(String candidate, List<ValueProblem> problems) {
        String value = candidate == null ? "" : candidate.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            problems.add(new ValueProblem("clientId", "", "Enter the Application (client) ID."));
        } else if (!GUID.matcher(value).matches()) {
            problems.add(new ValueProblem("clientId", value, "The client ID must be a GUID, as Entra ID shows it under"
                    + " App registrations → the app → Application (client) ID."));
        }
        return value;
    }

    /** The secret as given, or null for "keep the one set"; the value is never echoed in a problem. */
    private static String validSecret(String candidate, boolean required, List<ValueProblem> problems) {
        if (candidate == null || candidate.isBlank()) {
            if (required) {
                problems.add(new ValueProblem("clientSecret", "", "Enter the client secret's Value."));
            }
            return null;
        }
        String value = candidate.strip();
        if (value.length() > MAX_SECRET || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            problems.add(new ValueProblem("clientSecret", "(hidden)", "The client secret must be the Value Entra ID"
                    + " showed when it was created: printable characters without spaces, at most " + MAX_SECRET + "."));
            return null;
        }
        if (GUID.matcher(value).matches()) {
            problems.add(new ValueProblem("clientSecret", "(hidden)", "This looks like the secret's ID, not its Value:"
                    + " copy the Value column of Certificates & secrets."));
            return null;
        }
        return value;
    }

    private static void reject(List<ValueProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
    }

    public Long getId() { return id; }
    public Account getAccount() { return account; }
    public String getTenantId() { return tenantId; }
    public String getClientId() { return clientId; }
    public String getSealedSecret() { return sealedSecret; }
    public String getSecretHint() { return secretHint; }
    public Instant getSecretSavedAt() { return secretSavedAt; }
    public String getSecretSavedBy() { return secretSavedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getTestedAt() { return testedAt; }
    public String getTestOutcome() { return testOutcome; }
    public String getTestDetail() { return testDetail; }
}
