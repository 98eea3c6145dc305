-- "Starting soon" reminders: one row per person and occurrence they were reminded of, so each person hears of an
-- occurrence once, across restarts (the timer finds what is due from the events and these rows, nothing in memory).
-- Portable SQL: runs on H2 2.x and PostgreSQL.

CREATE TABLE event_reminder (
    event_id         BIGINT        NOT NULL,
    occurrence_start TIMESTAMP WITH TIME ZONE NOT NULL,
    account_id       BIGINT        NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, occurrence_start, account_id),
    CONSTRAINT fk_event_reminder_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_event_reminder_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
