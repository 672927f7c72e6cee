-- The Outlook add-in: senders' sessions (only the token's SHA-256 digest is kept) and the Encryption Flow Summary
-- of each protected message (its steps with their times; nothing of the message itself)
CREATE TABLE addin_session (
    token_digest   VARCHAR(64)  PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES account_user (id) ON DELETE CASCADE,
    mailbox        VARCHAR(254) NOT NULL,
    signed_in_with VARCHAR(16)  NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT addin_session_signed_in_with_known CHECK (signed_in_with IN ('PASSWORD', 'SAML'))
);
CREATE INDEX addin_session_user ON addin_session (user_id);
CREATE INDEX addin_session_expiry ON addin_session (expires_at);

CREATE SEQUENCE addin_flow_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE addin_flow (
    id              BIGINT PRIMARY KEY,
    public_id       VARCHAR(36)  NOT NULL,
    user_id         BIGINT       NOT NULL REFERENCES account_user (id) ON DELETE CASCADE,
    mailbox         VARCHAR(254) NOT NULL,
    encryption_type VARCHAR(8)   NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    failure_code    VARCHAR(64),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT addin_flow_public_id_unique UNIQUE (public_id),
    CONSTRAINT addin_flow_encryption_type_known CHECK (encryption_type IN ('ENCRYPT', 'FLAG')),
    CONSTRAINT addin_flow_outcome_known CHECK (outcome IN ('IN_PROGRESS', 'COMPLETED', 'FAILED'))
);
CREATE INDEX addin_flow_user ON addin_flow (user_id);
CREATE INDEX addin_flow_started ON addin_flow (started_at);
CREATE TABLE addin_flow_step (
    flow_id    BIGINT      NOT NULL REFERENCES addin_flow (id) ON DELETE CASCADE,
    position   INTEGER     NOT NULL,
    step       VARCHAR(16) NOT NULL,
    failed     BOOLEAN     NOT NULL,
    reached_at TIMESTAMP WITH TIME ZONE NOT NULL,
    detail     VARCHAR(500),
    CONSTRAINT addin_flow_step_pk PRIMARY KEY (flow_id, position),
    CONSTRAINT addin_flow_step_known CHECK (step IN ('INITIATED', 'AUTHENTICATED', 'ENCRYPTED', 'FLAGGED', 'SENT'))
);
