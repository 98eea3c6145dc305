-- Plugin API 1.3: a plugin stores files too (PluginFiles). Such a media is the plugin's, not an account's: it has a
-- plugin_id instead of an owner_id, and counts against the plugin's quota.
ALTER TABLE media ALTER COLUMN owner_id DROP NOT NULL;
ALTER TABLE media ADD COLUMN plugin_id VARCHAR(64);
ALTER TABLE media ADD CONSTRAINT ck_media_owner CHECK ((owner_id IS NULL) <> (plugin_id IS NULL));
CREATE INDEX ix_media_plugin ON media (plugin_id);
