-- Portable between H2 2.x and PostgreSQL 13+: sequences, TIMESTAMP WITH TIME ZONE, no vendor types.
-- Ids come from sequences handed out in blocks of 50 (the entities' allocationSize); starting at 50 keeps the
-- blocks disjoint whether the provider reads a value as the first or the last id of its block.

CREATE SEQUENCE account_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE profile_entry_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE administrator_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_token_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_event_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account (
    id             BIGINT PRIMARY KEY,
    account_number VARCHAR(8)   NOT NULL,
    name           VARCHAR(120) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT account_number_unique UNIQUE (account_number),
    CONSTRAINT account_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);
CREATE INDEX account_name_idx ON account (name);

CREATE TABLE profile_entry (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES account (id),
    entry_type  VARCHAR(16)  NOT NULL,
    entry_value VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    -- a domain (or address) belongs to one account only
    CONSTRAINT profile_entry_value_unique UNIQUE (entry_type, entry_value),
    CONSTRAINT profile_entry_type_known CHECK (entry_type IN ('DOMAIN', 'EMAIL_ADDRESS'))
);
CREATE INDEX profile_entry_account_idx ON profile_entry (account_id);

CREATE TABLE administrator (
    id                   BIGINT PRIMARY KEY,
    email                VARCHAR(254) NOT NULL,
    display_name         VARCHAR(120),
    role                 VARCHAR(16)  NOT NULL,
    account_id           BIGINT REFERENCES account (id),
    password_hash        VARCHAR(512) NOT NULL,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    failed_sign_ins      INTEGER      NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    last_sign_in_at      TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT administrator_email_unique UNIQUE (email),
    CONSTRAINT administrator_role_scope CHECK (
        (role = 'SERVICE' AND account_id IS NULL) OR (role = 'ACCOUNT' AND account_id IS NOT NULL))
);
CREATE INDEX administrator_account_idx ON administrator (account_id);

CREATE TABLE api_token (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT REFERENCES account (id),
    name          VARCHAR(80)  NOT NULL,
    secret_hash   VARCHAR(64)  NOT NULL,
    secret_prefix VARCHAR(16)  NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(254),
    CONSTRAINT api_token_secret_unique UNIQUE (secret_hash)
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

CREATE TABLE audit_event (
    id             BIGINT PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(254)  NOT NULL,
    account_number VARCHAR(8),
    action         VARCHAR(64)   NOT NULL,
    detail         VARCHAR(2000) NOT NULL,
    source_address VARCHAR(64)
);
CREATE INDEX audit_event_account_time_idx ON audit_event (account_number, occurred_at);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
