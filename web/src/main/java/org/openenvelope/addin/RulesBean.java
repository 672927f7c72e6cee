package org.openenvelope.addin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/** The Rules tab: the account's rules in their order, one to add, each to remove. */
@Named("rules")
@ViewScoped
public class RulesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RuleService service;

    @Inject
    AccountTabBean tab;

    private transient List<RuleView> list;
    private RuleCondition condition = RuleCondition.RECIPIENT_DOMAIN;
    private String value;
    private EncryptionType action = EncryptionType.ENCRYPT;

    public void load() throws IOException {
        tab.open(AccountTab.RULES);
    }

    public List<RuleView> getList() {
        if (list == null) {
            list = service.rules(tab.getNumber());
        }
        return list;
    }

    public String add() {
        try {
            service.addRule(tab.getNumber(), condition, value, action);
            FormErrors.info("The rule is added after the others.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, new HashMap<>(Map.of("value", "add:value")));
            return null;
        }
    }

    public String remove(long id) {
        service.removeRule(tab.getNumber(), id);
        FormErrors.info("The rule is removed.");
        return tab.reload();
    }

    public List<RuleCondition> getConditions() {
        return List.of(RuleCondition.values());
    }

    public List<EncryptionType> getActions() {
        return List.of(EncryptionType.values());
    }

    public RuleCondition getCondition() {
        return condition;
    }

    public void setCondition(RuleCondition condition) {
        this.condition = condition;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public EncryptionType getAction() {
        return action;
    }

    public void setAction(EncryptionType action) {
        this.action = action;
    }
}
