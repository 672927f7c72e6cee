-- Encrypt through Microsoft Graph: where a flow stands between the sender's draft and the message sent, so that a
-- retried request, a restart or a timeout resumes it without sending twice or losing the draft.
ALTER TABLE addin_flow ADD COLUMN source_message_id VARCHAR(512);
ALTER TABLE addin_flow ADD COLUMN envelope_id VARCHAR(32);
ALTER TABLE addin_flow ADD COLUMN outgoing_message_id VARCHAR(512);
ALTER TABLE addin_flow ADD COLUMN phase VARCHAR(16);
ALTER TABLE addin_flow ADD COLUMN send_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE addin_flow ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
-- the worker holding the flow until due_at: each step checks it still does, so two never act at once
ALTER TABLE addin_flow ADD COLUMN lease_id VARCHAR(36);
ALTER TABLE addin_flow ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE addin_flow ADD COLUMN retryable BOOLEAN DEFAULT FALSE NOT NULL;
-- the public URL the envelope's links point at, as when the sender asked: a resumed flow seals with the same
ALTER TABLE addin_flow ADD COLUMN base_url VARCHAR(512);
ALTER TABLE addin_flow ADD CONSTRAINT addin_flow_phase_known
    CHECK (phase IN ('PENDING', 'CREATED', 'READY', 'SENDING', 'SENT', 'DONE'));
-- one flow per draft of a sender: a repeated request finds it instead of sending the message again
ALTER TABLE addin_flow ADD CONSTRAINT addin_flow_source_unique UNIQUE (user_id, source_message_id);
CREATE INDEX addin_flow_due ON addin_flow (due_at);
