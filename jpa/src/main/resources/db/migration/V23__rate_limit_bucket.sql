-- Rate-limit buckets shared by the nodes of a cluster (Bucket4j's PostgreSQL store, SharedRateLimits): one row per
-- limit and key digest, the bucket's state, and when it may be deleted (epoch milliseconds). Unused on H2, where
-- one node keeps its buckets in memory.
CREATE TABLE rate_limit_bucket (
    id VARCHAR(128) PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
