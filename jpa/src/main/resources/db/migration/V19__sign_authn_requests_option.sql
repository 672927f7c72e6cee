-- Whether AuthnRequests to an identity provider are signed: only where the IdP requires it or its administrator
-- chooses, as signing costs CPU time at every sign-in start. Every identity provider configured before this option
-- keeps signing, so nothing changes for it at the upgrade.
ALTER TABLE identity_provider ADD COLUMN sign_authn_requests BOOLEAN DEFAULT TRUE NOT NULL;

-- The WantAuthnRequestsSigned of an imported configuration's metadata as last read (NULL: entered by hand, or read
-- before this version), so that signing is never turned off for an IdP that accepts only signed requests.
ALTER TABLE identity_provider ADD COLUMN metadata_wants_signed_requests BOOLEAN;
