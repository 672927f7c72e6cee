-- Which value identifies the user is one explicit choice per identity provider: the NameID, or a named attribute.
-- Configurations from before keep the order they were read in (LEGACY: alternate email attribute, uid, NameID)
-- until an administrator chooses.
ALTER TABLE identity_provider ADD COLUMN federation_id_source VARCHAR(16) DEFAULT 'NAME_ID' NOT NULL;
ALTER TABLE identity_provider ADD COLUMN federation_id_attribute VARCHAR(256);
UPDATE identity_provider SET federation_id_source = 'LEGACY';
ALTER TABLE identity_provider ADD CONSTRAINT identity_provider_federation_id_source_known
    CHECK (federation_id_source IN ('NAME_ID', 'ATTRIBUTE', 'LEGACY'));
ALTER TABLE identity_provider ADD CONSTRAINT identity_provider_federation_id_attribute_named
    CHECK ((federation_id_source = 'ATTRIBUTE') = (federation_id_attribute IS NOT NULL));

-- What a Test SSO received, so that its result page can offer the attribute that identifies users
ALTER TABLE sso_test ADD COLUMN received_name_id_format VARCHAR(256);
ALTER TABLE sso_test ADD COLUMN received_attributes VARCHAR(8000);
