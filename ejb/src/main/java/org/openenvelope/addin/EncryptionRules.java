package org.openenvelope.addin;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule engine: the first of an account's rules (in their order) that a message matches decides Encrypt or Flag.
 * A domain rule matches a recipient at the domain or any domain below it ({@code partner.example} also takes
 * {@code mail.partner.example}, never {@code otherpartner.example}); a keyword rule matches a subject containing the
 * keyword in any case. Without a match, the caller's default applies.
 */
public final class EncryptionRules {

    private EncryptionRules() {
    }

    /**
     * @param recipients the message's addresses (To, Cc and Bcc), in any case; anything without a domain is ignored
     * @param subject    the subject; null for none
     */
    public static Optional<RuleView> decide(List<RuleView> rules, Collection<String> recipients, String subject) {
        List<String> domains = recipients.stream().filter(a -> a != null && a.lastIndexOf('@') > 0)
                .map(a -> a.substring(a.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT)).toList();
        String lowerSubject = subject == null ? "" : subject.toLowerCase(Locale.ROOT);
        return rules.stream().filter(rule -> switch (rule.condition()) {
            case RECIPIENT_DOMAIN -> domains.stream().anyMatch(d -> d.equals(rule.value()) || d.endsWith("." + rule.value()));
            case SUBJECT_KEYWORD -> lowerSubject.contains(rule.value());
        }).findFirst();
    }
}
