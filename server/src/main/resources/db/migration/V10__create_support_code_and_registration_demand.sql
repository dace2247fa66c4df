-- A support code a portal page showed with an error (web.PageErrors), so the helpdesk can find the
-- user and the event behind it (issue 14). Written best effort; rows older than 30 days are purged.
-- login: the signed-in user or the login typed, null when the page had none. error: the
-- exception's class and message, never a form field.
CREATE TABLE support_code (
    code         VARCHAR(16) PRIMARY KEY,
    login        VARCHAR(256),
    page         VARCHAR(200) NOT NULL,
    error        VARCHAR(500) NOT NULL,
    ip           VARCHAR(64),
    client_type  VARCHAR(20) NOT NULL,
    occurred_at  BIGINT NOT NULL
);
CREATE INDEX support_code_occurred_at ON support_code (occurred_at);

-- The helpdesk asked this login to register or confirm their security info again at the next
-- sign-in (issue 14); the row goes when the user confirms it at the registration interrupt.
CREATE TABLE registration_demand (
    login        VARCHAR(256) PRIMARY KEY,
    demanded_at  BIGINT NOT NULL,
    demanded_by  VARCHAR(256) NOT NULL
);
