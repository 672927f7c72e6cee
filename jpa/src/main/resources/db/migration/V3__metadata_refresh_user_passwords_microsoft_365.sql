-- IdP metadata read from an https URL is re-read on a schedule; the anchors of "more secure" mode are kept so
-- every refresh is verified as strictly as the import was
ALTER TABLE identity_provider ADD COLUMN metadata_anchors VARCHAR(200000);
ALTER TABLE identity_provider ADD COLUMN metadata_refresh_hours INTEGER;
ALTER TABLE identity_provider ADD COLUMN metadata_checked_at TIMESTAMP WITH TIME ZONE;
-- why the latest refresh was not applied; null when it was
ALTER TABLE identity_provider ADD COLUMN metadata_problem VARCHAR(2000);
ALTER TABLE identity_provider ADD CONSTRAINT identity_provider_refresh_bounded
    CHECK (metadata_refresh_hours IS NULL OR metadata_refresh_hours BETWEEN 1 AND 168);

-- Users of Password accounts sign in to the user portal with a password (its slow hash only)
ALTER TABLE account_user ADD COLUMN password_hash VARCHAR(512);
ALTER TABLE account_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE account_user ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
-- Password sign-ins have no IdP name for the user
ALTER TABLE websafe_session ALTER COLUMN name_id DROP NOT NULL;
ALTER TABLE websafe_session ALTER COLUMN name_id_format DROP NOT NULL;

-- An account's Entra ID app registration for Microsoft Graph; the client secret only sealed (AES-256-GCM)
CREATE SEQUENCE microsoft_connection_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE microsoft_connection (
    id                 BIGINT PRIMARY KEY,
    account_id         BIGINT        NOT NULL REFERENCES account (id),
    tenant_id          VARCHAR(253)  NOT NULL,
    client_id          VARCHAR(36)   NOT NULL,
    sealed_secret      VARCHAR(2000) NOT NULL,
    -- the first characters of the secret, as Entra ID shows them, so an administrator can tell which one is set
    secret_hint        VARCHAR(8)    NOT NULL,
    secret_saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_saved_by    VARCHAR(254)  NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(254)  NOT NULL,
    tested_at          TIMESTAMP WITH TIME ZONE,
    test_outcome       VARCHAR(32),
    test_detail        VARCHAR(4000),
    version            BIGINT        NOT NULL,
    CONSTRAINT microsoft_connection_account_unique UNIQUE (account_id)
);

-- Addin Config steps 2 and 3: the add-in's configuration per Profiles domain, and the manifest's stable id and
-- revision (raised with every change, so Microsoft 365 sees a new manifest version)
CREATE SEQUENCE addin_configuration_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE addin_configuration (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES account (id),
    manifest_id VARCHAR(36)  NOT NULL,
    revision    INTEGER      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(254) NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT addin_configuration_account_unique UNIQUE (account_id),
    CONSTRAINT addin_configuration_manifest_unique UNIQUE (manifest_id)
);
CREATE TABLE addin_domain (
    addin_configuration_id BIGINT       NOT NULL REFERENCES addin_configuration (id),
    domain                 VARCHAR(253) NOT NULL,
    encryption_type        VARCHAR(8)   NOT NULL,
    remember_password_days INTEGER      NOT NULL,
    flag_type              VARCHAR(8)   NOT NULL,
    flag_value             VARCHAR(300) NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by             VARCHAR(254) NOT NULL,
    CONSTRAINT addin_domain_pk PRIMARY KEY (addin_configuration_id, domain),
    CONSTRAINT addin_domain_encryption_type_known CHECK (encryption_type IN ('ENCRYPT', 'FLAG')),
    CONSTRAINT addin_domain_flag_type_known CHECK (flag_type IN ('SUBJECT', 'HEADER')),
    CONSTRAINT addin_domain_remember_bounded CHECK (remember_password_days BETWEEN 0 AND 30)
);
