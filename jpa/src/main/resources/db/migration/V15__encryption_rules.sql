-- The Rules tab: an account's rules that choose Encrypt or Flag by a recipient's domain or a subject keyword,
-- taken in order; the first that matches decides.
CREATE SEQUENCE encryption_rule_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE encryption_rule (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    condition   VARCHAR(24)  NOT NULL,
    match_value VARCHAR(253) NOT NULL,
    action      VARCHAR(8)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    CONSTRAINT encryption_rule_condition_known CHECK (condition IN ('RECIPIENT_DOMAIN', 'SUBJECT_KEYWORD')),
    CONSTRAINT encryption_rule_action_known CHECK (action IN ('ENCRYPT', 'FLAG'))
);
CREATE INDEX encryption_rule_account ON encryption_rule (account_id, id);
