-- An online event's live room (a core room in the community space of an organising city), given when the event is
-- published; it opens for entry shortly before the start. Portable SQL: runs on H2 2.x and PostgreSQL.

ALTER TABLE event ADD COLUMN room_id BIGINT;
CREATE INDEX ix_event_room ON event (room_id);
