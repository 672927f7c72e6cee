-- Envelope recipients: those who registered a password, the secrets mailed to them (digests only), and their
-- viewer sessions (digests of the browser's keys only).
CREATE SEQUENCE registered_recipient_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE registered_recipient (
    id                   BIGINT PRIMARY KEY,
    address              VARCHAR(254) NOT NULL,
    registered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    password_hash        VARCHAR(512),
    password_changed_at  TIMESTAMP WITH TIME ZONE,
    must_change_password BOOLEAN      NOT NULL,
    failed_sign_ins      INTEGER      NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    CONSTRAINT registered_recipient_address_unique UNIQUE (address)
);

CREATE SEQUENCE recipient_challenge_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE recipient_challenge (
    id                 BIGINT PRIMARY KEY,
    secret_digest      VARCHAR(64)  NOT NULL,
    purpose            VARCHAR(16)  NOT NULL,
    address            VARCHAR(254) NOT NULL,
    envelope_public_id VARCHAR(32),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at        TIMESTAMP WITH TIME ZONE,
    failed_attempts    INTEGER      NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT recipient_challenge_purpose_known CHECK (purpose IN ('SIGN_IN_CODE', 'REGISTRATION', 'PASSWORD_RESET'))
);
CREATE INDEX recipient_challenge_digest ON recipient_challenge (secret_digest);
CREATE INDEX recipient_challenge_address ON recipient_challenge (address, purpose);
CREATE INDEX recipient_challenge_expiry ON recipient_challenge (expires_at);

CREATE TABLE recipient_session (
    session_key VARCHAR(64)  PRIMARY KEY,
    address     VARCHAR(254) NOT NULL,
    method      VARCHAR(16)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recipient_session_method_known CHECK (method IN ('CODE', 'PASSWORD'))
);
CREATE INDEX recipient_session_address ON recipient_session (address);
CREATE INDEX recipient_session_expiry ON recipient_session (expires_at);
