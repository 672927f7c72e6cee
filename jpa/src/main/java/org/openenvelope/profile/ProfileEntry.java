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
import java.util.Optional;
import org.openenvelope.account.Account;

/**
 * A domain or email address an account claims. A claim counts (routes email-first sign-in, single sign-on, senders
 * and recipient trust to the account) only once it is verified: by a DNS TXT record published at the domain, or by
 * a service administrator. A verified value is unique per type across all accounts (the database enforces it);
 * unverified claims of one value by several accounts may coexist, so that a claim alone cannot keep the real owner
 * out.
 */
@Entity
@Table(name = "profile_entry")
@NamedQuery(name = ProfileEntry.BY_ACCOUNT,
        query = "select e from ProfileEntry e where e.account = :account order by e.type, e.value")
@NamedQuery(name = ProfileEntry.VERIFIED_BY_VALUES, query = "select e from ProfileEntry e join fetch e.account"
        + " where e.type = :type and e.verifiedValue in :values")
@NamedQuery(name = ProfileEntry.VERIFIED_ADDRESS_OR_DOMAIN, query = "select e from ProfileEntry e join fetch e.account"
        + " where (e.type = :addressType and e.verifiedValue = :address)"
        + " or (e.type = :domainType and e.verifiedValue = :domain)")
@NamedQuery(name = ProfileEntry.OF_ACCOUNT_BY_VALUES, query = "select e from ProfileEntry e"
        + " where e.account = :account and e.type = :type and e.value in :values")
@NamedQuery(name = ProfileEntry.VERIFIED_OF_OTHER_ACCOUNTS, query = "select e from ProfileEntry e join fetch e.account"
        + " where e.type = :type and e.account <> :account and e.verifiedValue is not null")
public class ProfileEntry {

    public static final String BY_ACCOUNT = "ProfileEntry.byAccount";
    public static final String VERIFIED_BY_VALUES = "ProfileEntry.verifiedByValues";
    public static final String VERIFIED_ADDRESS_OR_DOMAIN = "ProfileEntry.verifiedAddressOrDomain";
    public static final String OF_ACCOUNT_BY_VALUES = "ProfileEntry.ofAccountByValues";
    public static final String VERIFIED_OF_OTHER_ACCOUNTS = "ProfileEntry.verifiedOfOtherAccounts";
    /** The TXT record's value starts so; the rest is the entry's own random token. */
    public static final String TXT_PREFIX = "openenvelope-verification=";

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

    @Enumerated(EnumType.STRING)
    @Column(name = "verification", nullable = false, length = 16)
    private DomainVerification verification;

    @Column(name = "verification_token", updatable = false, length = 64)
    private String verificationToken;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verified_by", length = 254)
    private String verifiedBy;

    @Column(name = "verified_value", length = 254)
    private String verifiedValue;

    /** The identity provider that signs in the users of this domain or address; null for the account's default. */
    @Column(name = "identity_provider_name", length = 40)
    private String identityProviderName;

    protected ProfileEntry() {
    }

    /**
     * An unverified claim.
     *
     * @param rawValue          normalised here, so an entry never holds a value its type would refuse
     * @param verificationToken the random part of the TXT record that proves the claim
     */
    public ProfileEntry(Account account, ProfileEntryType type, String rawValue, String createdBy, Instant createdAt,
                        String verificationToken) {
        this.account = Objects.requireNonNull(account, "account");
        this.type = Objects.requireNonNull(type, "type");
        this.value = type.normalise(rawValue);
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.verificationToken = Objects.requireNonNull(verificationToken, "verificationToken");
        this.verification = DomainVerification.UNVERIFIED;
    }

    /**
     * Marks the claim proved; a verified entry stays so (a later proof would only rewrite who proved it).
     *
     * @param how {@link DomainVerification#DNS} or {@link DomainVerification#ADMINISTRATOR}
     */
    public void verify(DomainVerification how, String by, Instant at) {
        if (how == DomainVerification.UNVERIFIED) {
            throw new IllegalArgumentException("A verification needs a method");
        }
        if (isVerified()) {
            return;
        }
        verification = how;
        verifiedBy = Objects.requireNonNull(by, "by");
        verifiedAt = Objects.requireNonNull(at, "at");
        verifiedValue = value;
    }

    public boolean isVerified() {
        return verification != DomainVerification.UNVERIFIED;
    }

    /** The domain whose TXT records prove this claim: the domain itself, or an address's domain. */
    public String verificationDomain() {
        return type == ProfileEntryType.DOMAIN ? value : value.substring(value.lastIndexOf('@') + 1);
    }

    /** The TXT record to publish, or empty for an entry verified before tokens existed. */
    public Optional<String> txtRecord() {
        return Optional.ofNullable(verificationToken).map(token -> TXT_PREFIX + token);
    }

    /** Assigns the entry to one of the account's identity providers; null gives it back to the default. */
    public void servedBy(String identityProvider) {
        identityProviderName = identityProvider;
    }

    public String getIdentityProviderName() {
        return identityProviderName;
    }

    public DomainVerification getVerification() {
        return verification;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getVerifiedBy() {
        return verifiedBy;
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
