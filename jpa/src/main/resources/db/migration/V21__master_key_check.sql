-- A random value sealed under the master key (MasterKeyCheck): a node whose master key cannot open it refuses to
-- start instead of sealing secrets the other nodes cannot read.
CREATE TABLE master_key_check (
    id INTEGER PRIMARY KEY,
    sealed_value VARCHAR(512) NOT NULL
);
