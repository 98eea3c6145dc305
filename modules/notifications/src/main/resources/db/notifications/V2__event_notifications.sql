-- Notifications about an occurrence of an event (it starts soon): the event, its title and the occurrence's start.
-- Portable SQL: runs on H2 2.x and PostgreSQL.

ALTER TABLE notification ADD COLUMN event_id BIGINT;
ALTER TABLE notification ADD COLUMN event_title VARCHAR(200);
ALTER TABLE notification ADD COLUMN event_start TIMESTAMP WITH TIME ZONE;
