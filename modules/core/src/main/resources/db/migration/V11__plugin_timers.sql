-- Durable plugin timers (plugin API 1.3, PluginTimers.scheduleDurable): kept until the plugin's handler has taken
-- them, across restarts. A name is unique per plugin; generation changes on every save so that a delivery of a
-- replaced timer never deletes its replacement. Uninstalling a plugin with its data purged deletes its
-- plugin_state row and, by cascade, its timers. Portable to H2 2.x and PostgreSQL.

CREATE SEQUENCE plugin_timer_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE plugin_timer (
    id          BIGINT         NOT NULL PRIMARY KEY,
    plugin_id   VARCHAR(64)    NOT NULL,
    timer_name  VARCHAR(200)   NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     VARCHAR(16384) NOT NULL,
    attempts    INTEGER        NOT NULL,
    generation  BIGINT         NOT NULL,
    CONSTRAINT uq_plugin_timer UNIQUE (plugin_id, timer_name),
    CONSTRAINT fk_plugin_timer_state FOREIGN KEY (plugin_id) REFERENCES plugin_state (plugin_id) ON DELETE CASCADE
);
CREATE INDEX ix_plugin_timer_due ON plugin_timer (plugin_id, due_at);
