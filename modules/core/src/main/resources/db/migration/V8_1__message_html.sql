-- The safe HTML of a message's text (and of an edit's new text), rendered once when it is posted or edited,
-- outside the room's lock, so that neither the live writer nor history pages ever render (issue 12). A row
-- without it (written before this column) is rendered when read. A change to the renderer's allowlist must
-- come with a migration that sets this column to NULL, so that every message is rendered again.
ALTER TABLE room_event ADD COLUMN html VARCHAR(262144);
