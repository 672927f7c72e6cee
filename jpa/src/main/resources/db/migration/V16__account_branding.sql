-- The Branding tab: how an account appears to its recipients. No row: the service's look under the account's name.
CREATE TABLE account_branding (
    account_id        BIGINT       PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    display_name      VARCHAR(100),
    brand_colour      VARCHAR(7)   NOT NULL,
    background_colour VARCHAR(7)   NOT NULL,
    -- at most 100 KiB, already made safe (a PNG written again, an SVG rebuilt)
    logo              BYTEA,
    logo_type         VARCHAR(32),
    logo_digest       VARCHAR(64),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(254) NOT NULL,
    version           BIGINT       NOT NULL
);
CREATE INDEX account_branding_logo ON account_branding (logo_digest);
