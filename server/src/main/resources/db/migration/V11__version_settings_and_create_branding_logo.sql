-- Stored settings carry the schema version of their document (system.StoredSetting; issue 14): a server
-- upgrades an older document step by step and refuses to start on a newer one. Rows written before this
-- column existed are version 1 (NULL).
ALTER TABLE settings ADD COLUMN schema_version INT;

-- The branding's logo (branding.BrandingService): one row, a PNG or a checked SVG of at most 100 KB, served
-- at /branding/logo. Its ETag is the SHA-256 of the bytes (hex).
CREATE TABLE branding_logo (
    singleton     INT PRIMARY KEY,
    content_type  VARCHAR(40) NOT NULL,
    content       BYTEA NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    updated_at    BIGINT NOT NULL,
    CONSTRAINT branding_logo_singleton CHECK (singleton = 1)
);
