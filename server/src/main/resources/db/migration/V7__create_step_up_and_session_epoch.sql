-- A step-up code waiting for its answer: before a user changes their security info they prove
-- they own a method already on file (issue 11). One per login; the code is stored as an HMAC.
CREATE TABLE step_up_challenge (
    login       VARCHAR(256) PRIMARY KEY,
    type        VARCHAR(20) NOT NULL,
    code_hash   CHAR(64) NOT NULL,
    expires_at  BIGINT NOT NULL,
    failures    INTEGER NOT NULL
);

-- A proof that allows changes to a login's security info until expires_at; only the SHA-256 of
-- the bearer token is kept. issued_at is compared with session_epoch: a reset voids older proofs.
CREATE TABLE step_up_grant (
    token_hash  CHAR(64) PRIMARY KEY,
    login       VARCHAR(256) NOT NULL,
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX step_up_grant_login ON step_up_grant (login);

-- Portal sessions of a login signed in before valid_after are over: written with a password reset
-- or change, checked on every signed-in portal request, on every node.
CREATE TABLE session_epoch (
    login        VARCHAR(256) PRIMARY KEY,
    valid_after  BIGINT NOT NULL
);
