-- An account may federate different domains with different identity providers. Each has a name that never
-- changes (the single configuration of before is 'primary') and its own draft, Test SSO and Enable; the first
-- created is the default, which serves every address no Profiles entry assigns to another.
ALTER TABLE identity_provider ADD COLUMN name VARCHAR(40) DEFAULT 'primary' NOT NULL;
ALTER TABLE identity_provider ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
UPDATE identity_provider SET created_at = (SELECT MIN(o.updated_at) FROM identity_provider o
                                           WHERE o.account_id = identity_provider.account_id);
ALTER TABLE identity_provider ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE identity_provider DROP CONSTRAINT identity_provider_account_stage_unique;
ALTER TABLE identity_provider ADD CONSTRAINT identity_provider_name_stage_unique UNIQUE (account_id, name, stage);
-- the default named the rows that existed; every new one is named by whoever adds it
ALTER TABLE identity_provider ALTER COLUMN name DROP DEFAULT;

-- which identity provider signs in the users of a domain or address; NULL: the account's default
ALTER TABLE profile_entry ADD COLUMN identity_provider_name VARCHAR(40);

ALTER TABLE sso_test ADD COLUMN identity_provider_name VARCHAR(40) DEFAULT 'primary' NOT NULL;
ALTER TABLE sso_test ALTER COLUMN identity_provider_name DROP DEFAULT;
-- the identity provider a sign-in request was sent to, whose answer alone it accepts
ALTER TABLE saml_outstanding_request ADD COLUMN identity_provider_name VARCHAR(40);
UPDATE saml_outstanding_request SET identity_provider_name = 'primary';
-- the identity provider that signed a session in, the one to tell at sign-out and whose logout ends it
ALTER TABLE websafe_session ADD COLUMN identity_provider_name VARCHAR(40);
UPDATE websafe_session SET identity_provider_name = 'primary' WHERE name_id IS NOT NULL;
