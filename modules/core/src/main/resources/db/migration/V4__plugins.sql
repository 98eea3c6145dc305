-- The plugin host: each plugin's state (enabled, where), its settings, and its storage.
-- Portable to H2 2.x and PostgreSQL; no reserved words (KEY, VALUE) as column names.

CREATE TABLE plugin_state (
    plugin_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    enabled          BOOLEAN       NOT NULL,
    network_wide     BOOLEAN       NOT NULL,
    disabled_reason  VARCHAR(2000),
    disabled_at      TIMESTAMP WITH TIME ZONE,
    info_json        VARCHAR(20000),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL
);

CREATE TABLE plugin_city (
    plugin_id  VARCHAR(64)  NOT NULL,
    city_slug  VARCHAR(100) NOT NULL,
    CONSTRAINT pk_plugin_city PRIMARY KEY (plugin_id, city_slug),
    CONSTRAINT fk_plugin_city_state FOREIGN KEY (plugin_id) REFERENCES plugin_state (plugin_id)
);

CREATE SEQUENCE plugin_setting_seq START WITH 1 INCREMENT BY 1;

-- city_slug '' holds the network-wide value; a city's row overrides it.
CREATE TABLE plugin_setting (
    id             BIGINT        NOT NULL PRIMARY KEY,
    plugin_id      VARCHAR(64)   NOT NULL,
    city_slug      VARCHAR(100)  NOT NULL,
    setting_key    VARCHAR(100)  NOT NULL,
    setting_value  VARCHAR(4000) NOT NULL,
    CONSTRAINT uq_plugin_setting UNIQUE (plugin_id, city_slug, setting_key)
);

CREATE SEQUENCE plugin_data_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE plugin_data (
    id             BIGINT          NOT NULL PRIMARY KEY,
    plugin_id      VARCHAR(64)     NOT NULL,
    scope_kind     VARCHAR(8)      NOT NULL,
    scope_ref      VARCHAR(200)    NOT NULL,
    data_key       VARCHAR(200)    NOT NULL,
    data_value     VARCHAR(262144) NOT NULL,
    is_json        BOOLEAN         NOT NULL,
    entry_version  BIGINT          NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_plugin_data UNIQUE (plugin_id, scope_kind, scope_ref, data_key),
    CONSTRAINT ck_plugin_data_scope CHECK (scope_kind IN ('GLOBAL', 'CITY', 'ROOM'))
);
CREATE INDEX ix_plugin_data_expiry ON plugin_data (expires_at);
