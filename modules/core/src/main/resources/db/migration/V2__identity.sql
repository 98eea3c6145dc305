-- Accounts and sign-in tokens.

CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE auth_token_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE account (
    id                BIGINT        NOT NULL PRIMARY KEY,
    email             VARCHAR(320)  NOT NULL,
    email_normalized  VARCHAR(320)  NOT NULL,
    display_name      VARCHAR(80)   NOT NULL,
    password_hash     VARCHAR(512)  NOT NULL,
    admin             BOOLEAN       NOT NULL,
    failed_logins     INTEGER       NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT uq_account_email UNIQUE (email_normalized)
);

-- Tokens are stored only as SHA-256 hashes of the 256-bit random value handed to the client.
CREATE TABLE auth_token (
    id          BIGINT      NOT NULL PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_auth_token_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_auth_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_auth_token_account ON auth_token (account_id);
