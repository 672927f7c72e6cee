package org.openenvelope.addin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.envelope.PlainMessage;
import org.openenvelope.error.ResourceNotFoundException;

/**
 * The account's Rules tab: rules that choose Encrypt or Flag by a recipient's domain or a subject keyword, for the
 * add-in (before it offers Encrypt or sets the flag) and for the gateway (which asks about a message). Audited.
 */
@Stateless
public class RuleService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    AddinRules rules;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<RuleView> rules(String accountNumber) {
        return rulesOf(access.account(accountNumber));
    }

    /**
     * Adds a rule after the others.
     *
     * @throws org.openenvelope.error.InvalidValueException on {@code value} when it is no domain or keyword
     */
    public List<RuleView> addRule(String accountNumber, RuleCondition condition, String value, EncryptionType action) {
        Account account = access.account(accountNumber);
        EncryptionRule rule = new EncryptionRule(account, condition, value, action, access.caller().getName(), clock.instant());
        em.persist(rule);
        em.flush();
        audit.record(AuditAction.ADDIN_RULE_ADDED, accountNumber, "Rule added: " + RuleView.of(rule).describe());
        return rulesOf(account);
    }

    public List<RuleView> removeRule(String accountNumber, long id) {
        Account account = access.account(accountNumber);
        EncryptionRule rule = em.find(EncryptionRule.class, id);
        if (rule == null || !rule.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Rule " + id + " was not found in account " + accountNumber + ".");
        }
        em.remove(rule);
        audit.record(AuditAction.ADDIN_RULE_REMOVED, accountNumber, "Rule removed: " + RuleView.of(rule).describe());
        return rulesOf(account);
    }

    /**
     * What the account's rules say of a message a gateway holds (RFC 5322): the rule that decides, if any.
     *
     * @throws org.openenvelope.error.InvalidValueException naming the field of a message that cannot be read
     */
    public java.util.Optional<RuleView> decide(String accountNumber, byte[] mime) {
        Account account = access.account(accountNumber);
        PlainMessage message = PlainMessage.parse(mime);
        return EncryptionRules.decide(rulesOf(account), message.recipients().keySet(), message.subject());
    }

    private List<RuleView> rulesOf(Account account) {
        return rules.of(account);
    }
}
