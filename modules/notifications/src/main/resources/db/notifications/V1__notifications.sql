-- The notification centre: stored notifications, per-room read state, per-person preferences.
-- Portable SQL: runs on H2 2.x and PostgreSQL. Core rows (accounts, rooms) are referenced by id.

CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 1;

-- One notification for one person. What it points at (a room's message, a work, a city) is in the nullable
-- reference columns; the text shown is built from them and the short excerpt.
CREATE TABLE notification (
    id           BIGINT        NOT NULL PRIMARY KEY,
    account_id   BIGINT        NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    actor_id     BIGINT,
    actor_name   VARCHAR(80),
    room_id      BIGINT,
    room_name    VARCHAR(120),
    seq          BIGINT,
    work_id      BIGINT,
    work_title   VARCHAR(200),
    -- For a fork: the new work, when the recipient may see it.
    fork_id      BIGINT,
    city_slug    VARCHAR(160),
    detail       VARCHAR(64),
    excerpt      VARCHAR(280),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notification_account ON notification (account_id, id);
CREATE INDEX ix_notification_unread ON notification (account_id, read_at);

-- How far a person has read a room ("my rooms"): set when they enter it over /ws, or explicitly.
CREATE SEQUENCE room_read_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE room_read (
    id           BIGINT        NOT NULL PRIMARY KEY,
    account_id   BIGINT        NOT NULL,
    room_id      BIGINT        NOT NULL,
    read_seq     BIGINT        NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_room_read UNIQUE (account_id, room_id)
);

-- A person's choices: email per kind ('kind=immediate,kind=digest'; absent kinds are off) and the digest's rhythm.
CREATE TABLE notification_preference (
    account_id   BIGINT        NOT NULL PRIMARY KEY,
    email        VARCHAR(600)  NOT NULL,
    digest       VARCHAR(16)   NOT NULL,
    -- When the last digest was sent: the next one gathers what came after.
    last_digest_at TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_notification_digest CHECK (digest IN ('daily', 'weekly', 'off'))
);

-- The outgoing mail server, set by an administrator at run time (one row, id 1). No row, or no host: no email,
-- in-app notifications only. The password is write-only in the API. secret signs unsubscribe links.
CREATE TABLE mail_settings (
    id           INTEGER       NOT NULL PRIMARY KEY,
    host         VARCHAR(255),
    port         INTEGER       NOT NULL,
    from_address VARCHAR(320),
    tls          VARCHAR(16)   NOT NULL,
    username     VARCHAR(320),
    password     VARCHAR(500),
    base_url     VARCHAR(500),
    secret       VARCHAR(64)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_mail_tls CHECK (tls IN ('none', 'starttls', 'tls'))
);
