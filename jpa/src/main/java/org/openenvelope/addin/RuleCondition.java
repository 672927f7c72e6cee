package org.openenvelope.addin;

/** What an encryption rule looks at. */
public enum RuleCondition {
    /** A recipient's address is at this domain or one below it. */
    RECIPIENT_DOMAIN,
    /** The subject contains this text, whatever its case. */
    SUBJECT_KEYWORD
}
