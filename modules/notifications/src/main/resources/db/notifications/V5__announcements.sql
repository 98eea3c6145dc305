-- Announcements (an administrator to the network or a creative field, a coordinator to their city) and their
-- fan-out into notifications. Portable SQL: runs on H2 2.x and PostgreSQL.

CREATE SEQUENCE announcement_seq START WITH 1 INCREMENT BY 1;

-- One announcement. The fan-out walks its audience in account id order, in batches: delivered_to is the highest
-- account id whose notification is stored (committed in the same transaction as the batch's notifications), so a
-- restart resumes after it; completed_at is set once the audience is exhausted.
CREATE TABLE announcement (
    id            BIGINT         NOT NULL PRIMARY KEY,
    author_id     BIGINT         NOT NULL,
    author_name   VARCHAR(80)    NOT NULL,
    audience      VARCHAR(16)    NOT NULL,
    field_slug    VARCHAR(64),
    city_id       BIGINT,
    city_slug     VARCHAR(160),
    title         VARCHAR(200)   NOT NULL,
    body          VARCHAR(4000)  NOT NULL,
    recipients    INTEGER        NOT NULL,
    delivered     INTEGER        NOT NULL,
    delivered_to  BIGINT         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_announcement_audience CHECK (audience IN ('network', 'field', 'city'))
);
CREATE INDEX ix_announcement_pending ON announcement (completed_at);

-- A notification of an announcement names it; one per person and announcement, whatever happens to the fan-out.
ALTER TABLE notification ADD COLUMN announcement_id BIGINT;
ALTER TABLE notification ADD COLUMN announcement_title VARCHAR(200);
CREATE UNIQUE INDEX uq_notification_announcement ON notification (announcement_id, account_id);
