package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncryptionRulesTest {

    private static RuleView rule(long id, RuleCondition condition, String value, EncryptionType action) {
        return new RuleView(id, condition, value, action, Instant.EPOCH, "ada");
    }

    private static final RuleView PARTNER = rule(1, RuleCondition.RECIPIENT_DOMAIN, "partner.example", EncryptionType.ENCRYPT);
    private static final RuleView NEWSLETTER = rule(2, RuleCondition.SUBJECT_KEYWORD, "newsletter", EncryptionType.FLAG);
    private static final RuleView CONFIDENTIAL = rule(3, RuleCondition.SUBJECT_KEYWORD, "confidential", EncryptionType.ENCRYPT);

    private static Optional<Long> decided(List<String> recipients, String subject) {
        return EncryptionRules.decide(List.of(PARTNER, NEWSLETTER, CONFIDENTIAL), recipients, subject).map(RuleView::id);
    }

    @Test
    void aDomainRuleTakesTheDomainAndTheDomainsBelowItButNoLookalike() {
        assertEquals(Optional.of(1L), decided(List.of("Bob@Partner.Example"), null));
        assertEquals(Optional.of(1L), decided(List.of("carol@elsewhere.example", "dan@mail.partner.example"), null));
        assertEquals(Optional.empty(), decided(List.of("eve@otherpartner.example", "no-address"), ""));
    }

    @Test
    void aKeywordRuleIgnoresCaseAndTheFirstMatchingRuleDecides() {
        assertEquals(Optional.of(3L), decided(List.of(), "CONFIDENTIAL: figures"));
        assertEquals(Optional.of(2L), decided(List.of(), "Newsletter, confidential edition"), "the earlier rule wins");
        assertEquals(Optional.of(1L), decided(List.of("bob@partner.example"), "Newsletter"), "in the rules' order");
        assertEquals(Optional.empty(), decided(List.of(), null));
    }

    @Test
    void ruleViewsSayWhatTheyDo() {
        assertEquals("Encrypt messages to partner.example", PARTNER.describe());
        assertEquals("Flag messages whose subject contains \"newsletter\"", NEWSLETTER.describe());
    }
}
