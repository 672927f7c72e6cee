-- Domain ownership is proved (a DNS TXT record) or vouched for by a service administrator; only verified entries
-- route sign-in, SSO and recipient trust. Entries that existed before count as verified by the administrator.
ALTER TABLE profile_entry ADD COLUMN verification VARCHAR(16) DEFAULT 'ADMINISTRATOR' NOT NULL;
ALTER TABLE profile_entry ADD COLUMN verification_token VARCHAR(64);
ALTER TABLE profile_entry ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE profile_entry ADD COLUMN verified_by VARCHAR(254);
-- the value again once verified, else NULL: unique among verified entries, while several accounts may claim a
-- value unverified (a claim alone must not keep the real owner out)
ALTER TABLE profile_entry ADD COLUMN verified_value VARCHAR(254);
UPDATE profile_entry SET verified_value = entry_value, verified_at = created_at, verified_by = 'upgrade';
ALTER TABLE profile_entry DROP CONSTRAINT profile_entry_value_unique;
ALTER TABLE profile_entry ADD CONSTRAINT profile_entry_verified_unique UNIQUE (entry_type, verified_value);
ALTER TABLE profile_entry ADD CONSTRAINT profile_entry_account_value_unique UNIQUE (account_id, entry_type, entry_value);
ALTER TABLE profile_entry ADD CONSTRAINT profile_entry_verification_known
    CHECK (verification IN ('UNVERIFIED', 'DNS', 'ADMINISTRATOR'));
ALTER TABLE profile_entry ADD CONSTRAINT profile_entry_verified_consistent
    CHECK ((verification = 'UNVERIFIED' AND verified_value IS NULL)
        OR (verification <> 'UNVERIFIED' AND verified_value = entry_value));
CREATE INDEX profile_entry_value_idx ON profile_entry (entry_type, entry_value);

-- Recipients whose domain signs in with SAML prove their address at their own identity provider
ALTER TABLE saml_outstanding_request DROP CONSTRAINT saml_outstanding_request_purpose_known;
ALTER TABLE saml_outstanding_request ADD CONSTRAINT saml_outstanding_request_purpose_known
    CHECK (purpose IN ('SIGN_IN', 'LOGOUT', 'SSO_TEST', 'RECIPIENT'));
ALTER TABLE recipient_session DROP CONSTRAINT recipient_session_method_known;
ALTER TABLE recipient_session ADD CONSTRAINT recipient_session_method_known CHECK (method IN ('CODE', 'PASSWORD', 'SSO'));
