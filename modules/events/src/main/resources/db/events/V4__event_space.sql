-- The space an event belongs to, if any (a cross-city project's own space): set by someone who manages that space, so
-- that a project's page lists its events without the events knowing projects. Portable SQL: H2 2.x and PostgreSQL.

ALTER TABLE event ADD COLUMN space_id BIGINT;
CREATE INDEX ix_event_space ON event (space_id);
