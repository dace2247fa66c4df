-- Proof-of-work CAPTCHA challenges already spent: the SHA-256 of each, so the primary key
-- refuses a second use on every node. Rows are purged an hour after the challenge expired.
CREATE TABLE captcha_used (
    challenge_hash  CHAR(64) PRIMARY KEY,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX captcha_used_expires ON captcha_used (expires_at);
