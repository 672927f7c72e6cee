package org.openenvelope.addin;

import java.time.Instant;

/** A rule as the Rules tab and the API show it, and as {@link EncryptionRules} takes it. */
public record RuleView(long id, RuleCondition condition, String value, EncryptionType action, Instant createdAt,
                       String createdBy) {

    static RuleView of(EncryptionRule rule) {
        return new RuleView(rule.getId(), rule.getCondition(), rule.getValue(), rule.getAction(), rule.getCreatedAt(),
                rule.getCreatedBy());
    }

    /** The rule in words, as the add-in and the audit trail say it. */
    public String describe() {
        return (action == EncryptionType.ENCRYPT ? "Encrypt" : "Flag") + (condition == RuleCondition.RECIPIENT_DOMAIN
                ? " messages to " + value : " messages whose subject contains \"" + value + "\"");
    }
}
