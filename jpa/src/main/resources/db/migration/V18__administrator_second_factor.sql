-- An administrator's authenticator app (TOTP, RFC 6238): its secret sealed under the master key, and the last time
-- step accepted, so that no code is accepted twice.
ALTER TABLE administrator ADD COLUMN totp_secret VARCHAR(400);
ALTER TABLE administrator ADD COLUMN totp_enrolled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE administrator ADD COLUMN totp_last_step BIGINT;

-- Recovery codes, shown once at enrolment: only their SHA-256 digests; each opens one sign-in.
CREATE TABLE administrator_recovery_code (
    administrator_id BIGINT      NOT NULL REFERENCES administrator (id) ON DELETE CASCADE,
    position         INTEGER     NOT NULL,
    code_digest      VARCHAR(64) NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (administrator_id, position)
);

-- How an account's administrators must sign in to the portal. No row: a second factor is optional and only
-- passwords sign in.
CREATE TABLE administrator_sign_in_policy (
    account_id                BIGINT       PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    second_factor_required    BOOLEAN      NOT NULL,
    identity_provider_sign_in BOOLEAN      NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                VARCHAR(254) NOT NULL,
    version                   BIGINT       NOT NULL
);

-- Administrators may sign in to the portal at the account's IdP: their requests are of a purpose of their own.
ALTER TABLE saml_outstanding_request DROP CONSTRAINT saml_outstanding_request_purpose_known;
ALTER TABLE saml_outstanding_request ADD CONSTRAINT saml_outstanding_request_purpose_known
    CHECK (purpose IN ('SIGN_IN', 'LOGOUT', 'SSO_TEST', 'RECIPIENT', 'ADMINISTRATOR'));
