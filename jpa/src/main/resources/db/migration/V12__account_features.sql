-- The Features tab: what an account's envelopes allow, per account. No row: the service's defaults.
CREATE TABLE account_features (
    account_id            BIGINT       PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secure_reply          BOOLEAN      NOT NULL,
    reply_all             BOOLEAN      NOT NULL,
    forward_allowed       BOOLEAN      NOT NULL,
    read_receipts         BOOLEAN      NOT NULL,
    -- days until a new envelope expires; NULL: it does not
    default_expiry_days   INTEGER,
    -- the longest a sender or administrator may set, counted from sealing; NULL: no limit
    max_expiry_days       INTEGER,
    -- the largest message an envelope holds; NULL: the service's limit
    max_message_megabytes INTEGER,
    password_sign_in      BOOLEAN      NOT NULL,
    code_sign_in          BOOLEAN      NOT NULL,
    sso_sign_in           BOOLEAN      NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(254) NOT NULL,
    version               BIGINT       NOT NULL,
    CONSTRAINT account_features_expiry_within_max CHECK (max_expiry_days IS NULL
        OR default_expiry_days IS NOT NULL AND default_expiry_days <= max_expiry_days),
    CONSTRAINT account_features_a_way_in CHECK (password_sign_in OR code_sign_in)
);
