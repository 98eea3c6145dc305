-- Plugin work kinds (plugin API 1.3) are named '<pluginId>:<id>': a plugin id (up to 64) and a kind id (up to 64).
ALTER TABLE work ALTER COLUMN kind SET DATA TYPE VARCHAR(160);
