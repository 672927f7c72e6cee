package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.testing.TestAccounts;

class EncryptionRuleTest {

    private static EncryptionRule rule(RuleCondition condition, String value) {
        return new EncryptionRule(TestAccounts.account(), condition, value, EncryptionType.ENCRYPT, "ada", Instant.EPOCH);
    }

    @Test
    void aDomainIsKeptAsItIsComparedAndAKeywordInLowerCase() {
        assertEquals("xn--bcher-kva.example", rule(RuleCondition.RECIPIENT_DOMAIN, " @Bücher.Example ").getValue());
        assertEquals("confidential", rule(RuleCondition.SUBJECT_KEYWORD, " Confidential ").getValue());
    }

    @Test
    void anUnusableValueIsRefusedNamingIt() {
        assertEquals("value", assertThrows(InvalidValueException.class,
                () -> rule(RuleCondition.RECIPIENT_DOMAIN, "not a domain")).field());
        assertEquals("value", assertThrows(InvalidValueException.class,
                () -> rule(RuleCondition.SUBJECT_KEYWORD, " ")).field());
        assertEquals("value", assertThrows(InvalidValueException.class,
                () -> rule(RuleCondition.SUBJECT_KEYWORD, "x".repeat(101))).field());
    }
}
