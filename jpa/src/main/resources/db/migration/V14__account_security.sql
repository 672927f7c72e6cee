-- The Security tab: how an account's recipients must sign in. No row: the service's defaults.
CREATE TABLE account_security (
    account_id              BIGINT       PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    password_min_length     INTEGER      NOT NULL,
    reject_common_passwords BOOLEAN      NOT NULL,
    free_attempts           INTEGER      NOT NULL,
    first_lock_minutes      INTEGER      NOT NULL,
    session_minutes         INTEGER      NOT NULL,
    no_script_reading       BOOLEAN      NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              VARCHAR(254) NOT NULL,
    version                 BIGINT       NOT NULL
);
-- the shortest length the policy in force required when the recipient chose their password; 12 for every password
-- chosen before accounts had policies of their own
ALTER TABLE registered_recipient ADD COLUMN password_min_length INTEGER DEFAULT 12 NOT NULL;
