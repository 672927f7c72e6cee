-- SAML federation per account: the SP side (entity ID, keys), the IdP it trusts, the account's users, the user
-- portal's sessions, and the two stores that must hold across cluster nodes (outstanding requests, seen
-- assertions). Portable between H2 2.x and PostgreSQL 13+.

CREATE SEQUENCE service_provider_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE sp_key_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE identity_provider_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_user_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE sso_test_id_seq START WITH 50 INCREMENT BY 50;

-- Password or SAML 2.0; SAML takes effect only after a passed Test SSO (Enable SSO)
ALTER TABLE account ADD COLUMN authentication_method VARCHAR(16) DEFAULT 'PASSWORD' NOT NULL;
ALTER TABLE account ADD CONSTRAINT account_authentication_method_known
    CHECK (authentication_method IN ('PASSWORD', 'SAML'));

CREATE TABLE service_provider (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    -- null: derived from the base URL and the account number
    entity_id  VARCHAR(1024),
    version    BIGINT NOT NULL,
    CONSTRAINT service_provider_account_unique UNIQUE (account_id)
);

CREATE TABLE sp_key (
    id                    BIGINT PRIMARY KEY,
    service_provider_id   BIGINT        NOT NULL REFERENCES service_provider (id),
    status                VARCHAR(16)   NOT NULL,
    origin                VARCHAR(16)   NOT NULL,
    certificate           VARCHAR(16000) NOT NULL,
    -- AES-256-GCM under the service's master key; never stored or shown in clear
    encrypted_private_key VARCHAR(16000) NOT NULL,
    fingerprint           VARCHAR(95)   NOT NULL,
    not_after             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at          TIMESTAMP WITH TIME ZONE,
    retired_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sp_key_status_known CHECK (status IN ('NEXT', 'ACTIVE', 'PREVIOUS', 'RETIRED')),
    CONSTRAINT sp_key_origin_known CHECK (origin IN ('GENERATED', 'UPLOADED'))
);
CREATE INDEX sp_key_provider_idx ON sp_key (service_provider_id);

-- One ACTIVE configuration (in force) and at most one DRAFT (being edited and tested) per account
CREATE TABLE identity_provider (
    id                        BIGINT PRIMARY KEY,
    account_id                BIGINT        NOT NULL REFERENCES account (id),
    stage                     VARCHAR(8)    NOT NULL,
    source                    VARCHAR(16)   NOT NULL,
    metadata_url              VARCHAR(2048),
    metadata_trust            VARCHAR(16),
    metadata_signature        VARCHAR(16),
    metadata_valid_until      TIMESTAMP WITH TIME ZONE,
    metadata_read_at          TIMESTAMP WITH TIME ZONE,
    entity_id                 VARCHAR(1024) NOT NULL,
    sso_url                   VARCHAR(2048) NOT NULL,
    sso_binding               VARCHAR(16)   NOT NULL,
    slo_url                   VARCHAR(2048),
    slo_binding               VARCHAR(16)   NOT NULL,
    clock_skew_seconds        INTEGER       NOT NULL,
    allow_sha1                BOOLEAN       NOT NULL,
    allow_idp_initiated       BOOLEAN       NOT NULL,
    just_in_time_users        BOOLEAN       NOT NULL,
    alternate_email_attribute VARCHAR(256),
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                VARCHAR(254)  NOT NULL,
    version                   BIGINT        NOT NULL,
    CONSTRAINT identity_provider_account_stage_unique UNIQUE (account_id, stage),
    CONSTRAINT identity_provider_stage_known CHECK (stage IN ('DRAFT', 'ACTIVE')),
    CONSTRAINT identity_provider_source_known CHECK (source IN ('MANUAL', 'METADATA_FILE', 'METADATA_URL')),
    CONSTRAINT identity_provider_sso_binding_known CHECK (sso_binding IN ('HTTP_REDIRECT', 'HTTP_POST')),
    CONSTRAINT identity_provider_slo_binding_known CHECK (slo_binding IN ('HTTP_REDIRECT', 'HTTP_POST')),
    CONSTRAINT identity_provider_skew_bounded CHECK (clock_skew_seconds BETWEEN 0 AND 300)
);

CREATE TABLE identity_provider_certificate (
    identity_provider_id BIGINT         NOT NULL REFERENCES identity_provider (id),
    list_index           INTEGER        NOT NULL,
    certificate          VARCHAR(16000) NOT NULL,
    fingerprint          VARCHAR(95)    NOT NULL,
    not_after            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (identity_provider_id, list_index)
);

CREATE TABLE account_user (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT       NOT NULL REFERENCES account (id),
    -- compared case-sensitively, as the IdP sends it
    federation_id   VARCHAR(254) NOT NULL,
    origin          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(254) NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL,
    CONSTRAINT account_user_federation_id_unique UNIQUE (account_id, federation_id),
    CONSTRAINT account_user_origin_known CHECK (origin IN ('ADMINISTRATOR', 'JUST_IN_TIME'))
);

-- Test SSO runs: each tests one version of the draft; only a passed test of the current draft allows Enable SSO
CREATE TABLE sso_test (
    id                BIGINT PRIMARY KEY,
    account_id        BIGINT        NOT NULL REFERENCES account (id),
    draft_id          BIGINT        NOT NULL,
    draft_version     BIGINT        NOT NULL,
    -- the secret part of the run's URL: only who started the run can perform it
    url_key           VARCHAR(40)   NOT NULL,
    started_by        VARCHAR(254)  NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    outcome           VARCHAR(8)    NOT NULL,
    reason_code       VARCHAR(64),
    detail            VARCHAR(4000),
    assertion_summary VARCHAR(8000),
    CONSTRAINT sso_test_outcome_known CHECK (outcome IN ('PENDING', 'PASSED', 'FAILED'))
);
CREATE INDEX sso_test_account_idx ON sso_test (account_id, started_at);

CREATE TABLE saml_outstanding_request (
    request_id   VARCHAR(64)   PRIMARY KEY,
    account_id   BIGINT        NOT NULL REFERENCES account (id),
    purpose      VARCHAR(16)   NOT NULL,
    sso_test_id  BIGINT        REFERENCES sso_test (id),
    relay_state  VARCHAR(1024),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT saml_outstanding_request_purpose_known CHECK (purpose IN ('SIGN_IN', 'LOGOUT', 'SSO_TEST'))
);
CREATE INDEX saml_outstanding_request_expiry_idx ON saml_outstanding_request (expires_at);

-- One-time use of assertions: the key is a SHA-256 of issuer and assertion ID, so its length is fixed
CREATE TABLE saml_seen_assertion (
    assertion_key VARCHAR(64) PRIMARY KEY,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX saml_seen_assertion_expiry_idx ON saml_seen_assertion (expires_at);

CREATE TABLE websafe_session (
    session_key       VARCHAR(64)   PRIMARY KEY,
    account_id        BIGINT        NOT NULL REFERENCES account (id),
    user_id           BIGINT        NOT NULL REFERENCES account_user (id),
    name_id           VARCHAR(1024) NOT NULL,
    name_id_format    VARCHAR(256)  NOT NULL,
    name_qualifier    VARCHAR(1024),
    sp_name_qualifier VARCHAR(1024),
    session_index     VARCHAR(256),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the IdP's SessionNotOnOrAfter or the service's maximum, whichever comes first
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    end_reason        VARCHAR(32)
);
CREATE INDEX websafe_session_name_id_idx ON websafe_session (account_id, name_id);
