-- API tokens may end (expires_at) and may only read (read_only); tokens made before both never end and may write.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN read_only BOOLEAN DEFAULT FALSE NOT NULL;
