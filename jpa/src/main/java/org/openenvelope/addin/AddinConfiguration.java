package org.openenvelope.addin;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Optional;
import java.util.UUID;
import org.openenvelope.account.Account;

/**
 * An account's Outlook add-in: its manifest's stable id, the manifest revision, and what the add-in does per
 * Profiles domain. Every change that alters the add-in raises the revision, so the manifest's version increases and
 * Microsoft 365 updates the deployed add-in.
 */
@Entity
@Table(name = "addin_configuration")
@NamedQuery(name = AddinConfiguration.OF_ACCOUNT, query = "select c from AddinConfiguration c where c.account = :account")
public class AddinConfiguration {

    public static final String OF_ACCOUNT = "AddinConfiguration.ofAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "addin_configuration_id")
    @SequenceGenerator(name = "addin_configuration_id", sequenceName = "addin_configuration_id_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false, unique = true)
    private Account account;

    @Column(name = "manifest_id", nullable = false, updatable = false, length = 36)
    private String manifestId;

    @Column(name = "revision", nullable = false)
    private int revision;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "addin_domain", joinColumns = @JoinColumn(name = "addin_configuration_id"))
    private List<DomainConfiguration> domains = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AddinConfiguration() {
    }

    public AddinConfiguration(Account account, String actor, Instant now) {
        this.account = account;
        this.manifestId = UUID.randomUUID().toString();
        this.revision = 1;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /**
     * Sets what the add-in does for {@code domain} (already known to be one of the account's Profiles domains).
     *
     * @return whether anything changed (and the revision was raised)
     */
    public boolean configure(String domain, DomainSettings settings, String actor, Instant now) {
        return configureAll(List.of(domain), settings, actor, now) > 0;
    }

    /**
     * The same settings for every one of these domains: one change of the manifest, so its revision rises once
     * however many domains changed (and not at all when none did).
     *
     * @return how many domains changed
     */
    public int configureAll(List<String> domainNames, DomainSettings settings, String actor, Instant now) {
        DomainSettings valid = settings.validated();
        int changed = 0;
        for (String domain : domainNames) {
            Optional<DomainConfiguration> existing = domain(domain);
            if (existing.isPresent() && existing.get().settings().equals(valid)) {
                continue;
            }
            if (existing.isPresent()) {
                existing.get().apply(valid, actor, now);
            } else {
                domains.add(new DomainConfiguration(domain, valid, actor, now));
            }
            changed++;
        }
        if (changed > 0) {
            revision++;
            updatedAt = now;
            updatedBy = actor;
        }
        return changed;
    }

    public Optional<DomainConfiguration> domain(String domain) {
        return domains.stream().filter(d -> d.getDomain().equals(domain)).findFirst();
    }

    public List<DomainConfiguration> getDomains() {
        return List.copyOf(domains);
    }

    public Account getAccount() {
        return account;
    }

    public String getManifestId() {
        return manifestId;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
