-- Verification methods users registered themselves. method_value: the email address or E.164 number,
-- the TOTP secret sealed with AES-GCM, or the questions as JSON [{questionId, hash}] with Argon2id
-- hashes. last_step: the last TOTP time step accepted (a code is accepted once).
CREATE TABLE registered_method (
    login          VARCHAR(256) NOT NULL,
    type           VARCHAR(20) NOT NULL,
    method_value   VARCHAR(20000) NOT NULL,
    last_step      BIGINT NOT NULL,
    registered_at  BIGINT NOT NULL,
    PRIMARY KEY (login, type)
);

-- A registration waiting for its proof: the address or number a code was sent to (code as HMAC),
-- or the sealed TOTP secret waiting for a first code.
CREATE TABLE registration_challenge (
    login       VARCHAR(256) NOT NULL,
    type        VARCHAR(20) NOT NULL,
    pending_value  VARCHAR(2000) NOT NULL,
    code_hash   CHAR(64),
    expires_at  BIGINT NOT NULL,
    failures    INTEGER NOT NULL,
    PRIMARY KEY (login, type)
);

-- The security questions a flow asked, so the answers are checked against exactly those.
ALTER TABLE reset_challenge ADD COLUMN asked VARCHAR(400);

-- Throttling across nodes: one row per counted event, kept while any window can still count it.
CREATE TABLE throttle_event (
    subject  VARCHAR(400) NOT NULL,
    occurred_at  BIGINT NOT NULL
);
CREATE INDEX throttle_event_subject_at ON throttle_event (subject, occurred_at);

-- Logins blocked from self-service password reset, until a time.
CREATE TABLE reset_block (
    login   VARCHAR(256) PRIMARY KEY,
    blocked_until  BIGINT NOT NULL,
    reason  VARCHAR(200) NOT NULL
);

-- API keys an admin issued for helpdesk tools and chatbots (ClientType Api); only the SHA-256 is kept.
CREATE TABLE api_key (
    name        VARCHAR(100) PRIMARY KEY,
    key_hash    CHAR(64) NOT NULL UNIQUE,
    created_by  VARCHAR(256) NOT NULL,
    created_at  BIGINT NOT NULL
);
