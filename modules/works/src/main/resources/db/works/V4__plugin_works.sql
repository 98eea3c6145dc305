-- Works a plugin created through the plugin API's works.write (1.3): the plugin may add versions to these only.
-- The works themselves are ordinary rows of `work`, authored by people; this table only says which plugin wrote them.
CREATE TABLE plugin_work (
    work_id    BIGINT                   NOT NULL PRIMARY KEY,
    plugin_id  VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_plugin_work_work FOREIGN KEY (work_id) REFERENCES work (id) ON DELETE CASCADE
);
CREATE INDEX ix_plugin_work_plugin ON plugin_work (plugin_id);
