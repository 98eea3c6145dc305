-- System events (plugin API 1.3): a plugin publishes into its own rooms. They take the room's next seq like a
-- message, so clients receive and replay them in order. The author columns hold no person: author_id 0 and the
-- module's display name ("the Film module"); plugin_id names the source, system_event its type, payload its JSON.

ALTER TABLE room_event ADD COLUMN plugin_id VARCHAR(64);
ALTER TABLE room_event ADD COLUMN system_event VARCHAR(64);
ALTER TABLE room_event ADD COLUMN payload VARCHAR(8192);
ALTER TABLE room_event DROP CONSTRAINT ck_room_event_type;
ALTER TABLE room_event ADD CONSTRAINT ck_room_event_type
    CHECK (event_type IN ('message', 'edit', 'delete', 'reaction', 'system'));
