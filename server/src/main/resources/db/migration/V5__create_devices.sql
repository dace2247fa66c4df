-- Devices and the logon screen. Join tokens, device secrets and logon-session tokens are bearer
-- secrets: only their SHA-256 is kept.

-- Join tokens an admin issued: each join spends one use; devices that join get the token's groups
-- (comma-separated, may be empty).
CREATE TABLE join_token (
    token_hash   CHAR(64) PRIMARY KEY,
    uses_left    INTEGER NOT NULL,
    device_groups  VARCHAR(2000) NOT NULL,
    created_by   VARCHAR(256) NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

-- Joined devices. ready and findings (JSON) hold the verdict on the last inventory; null before the first.
CREATE TABLE device (
    id           VARCHAR(40) PRIMARY KEY,
    secret_hash  CHAR(64) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    os           VARCHAR(100) NOT NULL,
    os_version   VARCHAR(100) NOT NULL,
    enabled      BOOLEAN NOT NULL,
    joined_at    BIGINT NOT NULL,
    last_seen    BIGINT NOT NULL,
    os_build     INTEGER,
    edition      VARCHAR(100),
    ready        BOOLEAN,
    findings     VARCHAR(40000)
);

-- The device groups a device belongs to (besides the implicit group "all").
CREATE TABLE device_group (
    device_id   VARCHAR(40) NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    group_name  VARCHAR(100) NOT NULL,
    PRIMARY KEY (device_id, group_name)
);

-- Configuration profiles: named sets of OMA-URI settings (JSON [{omaUri, dataType, value}]).
CREATE TABLE device_profile (
    name        VARCHAR(100) PRIMARY KEY,
    settings    VARCHAR(100000) NOT NULL,
    updated_by  VARCHAR(256) NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- The device groups a profile is assigned to.
CREATE TABLE device_profile_group (
    profile_name  VARCHAR(100) NOT NULL REFERENCES device_profile (name) ON DELETE CASCADE,
    group_name    VARCHAR(100) NOT NULL,
    PRIMARY KEY (profile_name, group_name)
);

-- Logon sessions: the temporary identity of a device's sign-in screen. flow_id_hash is set when the
-- session starts its one reset flow; the row is deleted when that flow ends, or once expired.
CREATE TABLE logon_session (
    token_hash    CHAR(64) PRIMARY KEY,
    device_id     VARCHAR(40) NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    flow_id_hash  CHAR(64),
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX logon_session_flow ON logon_session (flow_id_hash);
CREATE INDEX logon_session_expires ON logon_session (expires_at);
