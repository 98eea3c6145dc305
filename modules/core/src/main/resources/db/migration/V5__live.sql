-- Spaces, rooms and the sequenced event log of each room (live rooms).

CREATE SEQUENCE space_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE space (
    id          BIGINT       NOT NULL PRIMARY KEY,
    slug        VARCHAR(160) NOT NULL,
    name        VARCHAR(120) NOT NULL,
    city_id     BIGINT,
    field_slug  VARCHAR(64),
    visibility  VARCHAR(16)  NOT NULL,
    archived    BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_space_slug UNIQUE (slug),
    CONSTRAINT fk_space_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT ck_space_visibility CHECK (visibility IN ('PUBLIC', 'MEMBERS_ONLY'))
);
CREATE INDEX ix_space_city ON space (city_id);

CREATE SEQUENCE room_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE room (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    space_id           BIGINT       NOT NULL,
    kind               VARCHAR(64)  NOT NULL,
    name               VARCHAR(120) NOT NULL,
    topic              VARCHAR(500),
    archived           BOOLEAN      NOT NULL,
    locked             BOOLEAN      NOT NULL,
    slow_mode_seconds  INTEGER      NOT NULL,
    last_seq           BIGINT       NOT NULL,
    created_by         BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_room_space FOREIGN KEY (space_id) REFERENCES space (id),
    CONSTRAINT ck_room_slow_mode CHECK (slow_mode_seconds >= 0)
);
CREATE INDEX ix_room_space ON room (space_id);

-- One row per sequenced room event: message, edit, delete, reaction. A message row also carries the
-- message's current text and state, so history pages show what a reader sees now.
CREATE SEQUENCE room_event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE room_event (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    room_id            BIGINT        NOT NULL,
    seq                BIGINT        NOT NULL,
    event_type         VARCHAR(16)   NOT NULL,
    author_id          BIGINT        NOT NULL,
    author_name        VARCHAR(80)   NOT NULL,
    client_message_id  VARCHAR(64),
    target_seq         BIGINT,
    reply_to           BIGINT,
    content            VARCHAR(16384),
    emoji              VARCHAR(32),
    deleted            BOOLEAN       NOT NULL,
    edited_at          TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_room_event_room FOREIGN KEY (room_id) REFERENCES room (id),
    CONSTRAINT uq_room_event_seq UNIQUE (room_id, seq),
    CONSTRAINT uq_room_event_client UNIQUE (room_id, author_id, client_message_id),
    CONSTRAINT ck_room_event_type CHECK (event_type IN ('message', 'edit', 'delete', 'reaction'))
);
