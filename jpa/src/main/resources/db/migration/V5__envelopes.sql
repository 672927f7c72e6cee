-- Envelopes: the service's record of each encrypted message and its recipients. No message content is kept:
-- the ciphertext travels in the securedoc attachment, the message key is sealed under the master key, and the
-- subject is encrypted under the message key (both go when the key is destroyed).
CREATE SEQUENCE envelope_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE envelope (
    id                BIGINT PRIMARY KEY,
    public_id         VARCHAR(32)  NOT NULL,
    account_id        BIGINT       NOT NULL REFERENCES account (id),
    sender            VARCHAR(254) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE,
    locked_at         TIMESTAMP WITH TIME ZONE,
    lock_reason       VARCHAR(500),
    key_version       INTEGER      NOT NULL,
    ciphertext_bytes  BIGINT       NOT NULL,
    sealed_key        VARCHAR(200),
    encrypted_subject VARCHAR(4000),
    key_destruction   VARCHAR(8),
    key_destroyed_at  TIMESTAMP WITH TIME ZONE,
    version           BIGINT       NOT NULL,
    CONSTRAINT envelope_public_id_unique UNIQUE (public_id),
    CONSTRAINT envelope_key_destruction_known CHECK (key_destruction IN ('EXPIRED', 'REVOKED')),
    CONSTRAINT envelope_key_or_destruction CHECK ((sealed_key IS NULL) = (key_destruction IS NOT NULL))
);
CREATE INDEX envelope_account_created ON envelope (account_id, created_at);
CREATE INDEX envelope_expiry ON envelope (expires_at);

CREATE SEQUENCE envelope_recipient_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE envelope_recipient (
    id              BIGINT PRIMARY KEY,
    envelope_id     BIGINT       NOT NULL REFERENCES envelope (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    address         VARCHAR(254) NOT NULL,
    kind            VARCHAR(3)   NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    first_opened_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT envelope_recipient_unique UNIQUE (envelope_id, address),
    CONSTRAINT envelope_recipient_kind_known CHECK (kind IN ('TO', 'CC', 'BCC'))
);
CREATE INDEX envelope_recipient_address ON envelope_recipient (address);
