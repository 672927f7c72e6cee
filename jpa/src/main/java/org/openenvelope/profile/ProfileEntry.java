package org.openenvelope.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.openenvelope.account.Account;

/**
 * A domain or email address claimed by one account. The value is unique per type across all accounts (the
 * database enforces it), because email-first sign-in and envelope routing find the account by it.
 */
@Entity
@Table(name = "profile_entry")
@NamedQuery(name = ProfileEntry.BY_ACCOUNT,
        query = "select e from ProfileEntry e where e.account = :account order by e.type, e.value")
@NamedQuery(name = ProfileEntry.BY_VALUES,
        query = "select e from ProfileEntry e join fetch e.account where e.type = :type and e.value in :values")
@NamedQuery(name = ProfileEntry.OF_OTHER_ACCOUNTS,
        query = "select e from ProfileEntry e join fetch e.account where e.type = :type and e.account <> :account")
public class ProfileEntry {

    public static final String BY_ACCOUNT = "ProfileEntry.byAccount";
    public static final String BY_VALUES = "ProfileEntry.byValues";
    public static final String OF_OTHER_ACCOUNTS = "ProfileEntry.ofOtherAccounts";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "profile_entry_id")
    @SequenceGenerator(name = "profile_entry_id", sequenceName = "profile_entry_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false, length = 16)
    private ProfileEntryType type;

    @Column(name = "entry_value", nullable = false, updatable = false, length = 254)
    private String value;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    protected ProfileEntry() {
    }

    /** @param rawValue normalised here, so an entry never holds a value its type would refuse */
    public ProfileEntry(Account account, ProfileEntryType type, String rawValue, String createdBy, Instant createdAt) {
        this.account = Objects.requireNonNull(account, "account");
        this.type = Objects.requireNonNull(type, "type");
        this.value = type.normalise(rawValue);
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public ProfileEntryType getType() {
        return type;
    }

    public String getValue() {
        return value;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
