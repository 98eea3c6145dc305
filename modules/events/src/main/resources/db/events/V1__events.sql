-- Events: the network's meetings, festivals and workshops, with their organising cities and fields, RSVPs and a
-- waiting list, and each person's secret calendar-feed token. Portable SQL: runs on H2 2.x and PostgreSQL.
-- Core rows (accounts, cities, fields) are referenced by id.

CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE event_rsvp_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE event (
    id              BIGINT        NOT NULL PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    description     VARCHAR(16384),
    -- The wall-clock start and end in the organiser's IANA zone, as written; the instants are derived from them.
    starts_local    TIMESTAMP     NOT NULL,
    ends_local      TIMESTAMP     NOT NULL,
    time_zone       VARCHAR(64)   NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- 'CITY' (place_city_id), 'ADDRESS' (address, optionally in place_city_id) or 'ONLINE'.
    place_kind      VARCHAR(16)   NOT NULL,
    place_city_id   BIGINT,
    address         VARCHAR(500),
    capacity        INTEGER,
    rrule           VARCHAR(500),
    status          VARCHAR(16)   NOT NULL,
    -- Null for the network's own history, seeded by the platform.
    created_by      BIGINT,
    decided_by      BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT        NOT NULL,
    CONSTRAINT ck_event_status CHECK (status IN ('PUBLISHED', 'PROPOSED', 'DECLINED')),
    CONSTRAINT ck_event_place CHECK (place_kind IN ('CITY', 'ADDRESS', 'ONLINE')),
    CONSTRAINT ck_event_capacity CHECK (capacity IS NULL OR capacity > 0),
    CONSTRAINT fk_event_place_city FOREIGN KEY (place_city_id) REFERENCES city (id),
    CONSTRAINT fk_event_created_by FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT fk_event_decided_by FOREIGN KEY (decided_by) REFERENCES account (id)
);
CREATE INDEX ix_event_starts ON event (status, starts_at);

CREATE TABLE event_city (
    event_id  BIGINT NOT NULL,
    city_id   BIGINT NOT NULL,
    PRIMARY KEY (event_id, city_id),
    CONSTRAINT fk_event_city_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_event_city_city FOREIGN KEY (city_id) REFERENCES city (id)
);
CREATE INDEX ix_event_city_city ON event_city (city_id);

CREATE TABLE event_field (
    event_id  BIGINT NOT NULL,
    field_id  BIGINT NOT NULL,
    PRIMARY KEY (event_id, field_id),
    CONSTRAINT fk_event_field_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_event_field_field FOREIGN KEY (field_id) REFERENCES creative_field (id)
);
CREATE INDEX ix_event_field_field ON event_field (field_id);

-- One answer per person and event (a series answers once). 'WAITING' is a 'going' that did not fit; waiters are
-- promoted in the order of answered_at, then id.
CREATE TABLE event_rsvp (
    id           BIGINT       NOT NULL PRIMARY KEY,
    event_id     BIGINT       NOT NULL,
    account_id   BIGINT       NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_event_rsvp UNIQUE (event_id, account_id),
    CONSTRAINT ck_event_rsvp_state CHECK (state IN ('GOING', 'WAITING', 'INTERESTED', 'NOT_GOING')),
    CONSTRAINT fk_event_rsvp_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_event_rsvp_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_event_rsvp_account ON event_rsvp (account_id, state);

-- The secret of a person's "my events" feed: only its SHA-256 is kept; rotating it replaces the row.
CREATE TABLE event_calendar_token (
    account_id   BIGINT       NOT NULL PRIMARY KEY,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_event_calendar_token UNIQUE (token_hash),
    CONSTRAINT fk_event_calendar_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Seed rows imported once (so an event an administrator deletes does not come back at the next start).
CREATE TABLE event_seed_row (
    seed_key     VARCHAR(100) NOT NULL PRIMARY KEY,
    event_id     BIGINT,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
