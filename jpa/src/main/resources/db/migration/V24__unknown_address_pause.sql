-- Wrong portal sign-ins for addresses no administrator has (UnknownAddressPauses), counted in the database so that
-- every node of a cluster pauses them as it pauses a real administrator: keyed by a digest, never the address.
CREATE TABLE unknown_address_pause (
    address_digest VARCHAR(64) PRIMARY KEY,
    failed_sign_ins INTEGER NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL
);
