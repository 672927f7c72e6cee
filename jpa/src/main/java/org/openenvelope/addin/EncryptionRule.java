package org.openenvelope.addin;

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
import java.util.Locale;
import org.openenvelope.account.Account;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.profile.ProfileEntryType;

/**
 * One of an account's rules (its Rules tab): when a message goes to a domain or its subject has a keyword, the add-in
 * and the gateway choose Encrypt or Flag. Rules are taken in the order they were added; the first that matches
 * decides. The value is kept as it is compared: a domain in its ASCII form, a keyword in lower case.
 */
@Entity
@Table(name = "encryption_rule")
@NamedQuery(name = EncryptionRule.OF_ACCOUNT, query = "select r from EncryptionRule r where r.account = :account order by r.id")
public class EncryptionRule {

    public static final String OF_ACCOUNT = "EncryptionRule.ofAccount";
    public static final int KEYWORD_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "encryption_rule_id")
    @SequenceGenerator(name = "encryption_rule_id", sequenceName = "encryption_rule_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "condition", nullable = false, updatable = false, length = 24)
    private RuleCondition condition;

    @Column(name = "match_value", nullable = false, updatable = false, length = 253)
    private String value;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 8)
    private EncryptionType action;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    protected EncryptionRule() {
    }

    /** @throws InvalidValueException on {@code value} when it is no domain, or no keyword of 1 to 100 characters */
    public EncryptionRule(Account account, RuleCondition condition, String value, EncryptionType action, String actor,
                          Instant now) {
        this.account = account;
        this.condition = condition;
        this.value = normalised(condition, value);
        this.action = action;
        this.createdBy = actor;
        this.createdAt = now;
    }

    static String normalised(RuleCondition condition, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (condition == RuleCondition.RECIPIENT_DOMAIN) {
            try {
                return ProfileEntryType.DOMAIN.normalise(value.startsWith("@") ? value.substring(1) : value);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("value", "\"" + value + "\" is not a domain: " + e.getMessage());
            }
        }
        if (value.isEmpty() || value.length() > KEYWORD_MAX) {
            throw new InvalidValueException("value", "A subject keyword has 1 to " + KEYWORD_MAX + " characters.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public RuleCondition getCondition() {
        return condition;
    }

    public String getValue() {
        return value;
    }

    public EncryptionType getAction() {
        return action;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
