-- Which installation this database is (system.InstallationDatabase): one row, written on the first
-- start against the empty database. Each node's data dir records the id, so a start against an
-- emptied or swapped database is refused instead of starting blank.
CREATE TABLE installation (
    singleton  INT         NOT NULL PRIMARY KEY CHECK (singleton = 1),
    id         VARCHAR(36) NOT NULL,
    created_at BIGINT      NOT NULL
);
