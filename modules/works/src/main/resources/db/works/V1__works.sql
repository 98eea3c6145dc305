-- Works: co-created content with authors, immutable versions, publication consents and remix lineage.
-- Portable SQL: runs on H2 2.x and PostgreSQL. Core rows (accounts, cities, fields, spaces) are referenced by id.

CREATE SEQUENCE work_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE work_author_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE work_version_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE work_publication_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE work (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    -- 'text' (Markdown), 'collection' (JSON list of items), or a plugin's structured kind (JSON).
    kind                 VARCHAR(64)   NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    summary              VARCHAR(2000),
    licence              VARCHAR(32)   NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    -- Who reads it once published: 'EVERYONE' or 'SPACE' (the space below).
    audience             VARCHAR(16),
    -- The work's space: its readers when published to a space, its members may join when the work is open.
    space_id             BIGINT,
    open_to_space        BOOLEAN       NOT NULL,
    -- A media id (media.MediaIds: 22 URL-safe characters).
    cover_media_id       VARCHAR(22),
    latest_version       INTEGER       NOT NULL,
    derived_from_work_id BIGINT,
    derived_from_version INTEGER,
    created_by           BIGINT        NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at         TIMESTAMP WITH TIME ZONE,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    deleted_by           BIGINT,
    row_version          BIGINT        NOT NULL,
    CONSTRAINT ck_work_status CHECK (status IN ('DRAFT', 'PUBLISHED')),
    CONSTRAINT ck_work_audience CHECK (audience IS NULL OR audience IN ('EVERYONE', 'SPACE')),
    CONSTRAINT fk_work_space FOREIGN KEY (space_id) REFERENCES space (id),
    CONSTRAINT fk_work_created_by FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT fk_work_deleted_by FOREIGN KEY (deleted_by) REFERENCES account (id),
    CONSTRAINT fk_work_derived_from FOREIGN KEY (derived_from_work_id) REFERENCES work (id)
);
CREATE INDEX ix_work_status ON work (status, published_at);
CREATE INDEX ix_work_derived_from ON work (derived_from_work_id);

CREATE TABLE work_field (
    work_id   BIGINT      NOT NULL,
    field_id  BIGINT      NOT NULL,
    PRIMARY KEY (work_id, field_id),
    CONSTRAINT fk_work_field_work FOREIGN KEY (work_id) REFERENCES work (id),
    CONSTRAINT fk_work_field_field FOREIGN KEY (field_id) REFERENCES creative_field (id)
);
CREATE INDEX ix_work_field_field ON work_field (field_id);

-- The cities a work is about (chosen); its authors' cities are derived from their memberships, see work_author_city.
CREATE TABLE work_city (
    work_id   BIGINT      NOT NULL,
    city_id   BIGINT      NOT NULL,
    PRIMARY KEY (work_id, city_id),
    CONSTRAINT fk_work_city_work FOREIGN KEY (work_id) REFERENCES work (id),
    CONSTRAINT fk_work_city_city FOREIGN KEY (city_id) REFERENCES city (id)
);
CREATE INDEX ix_work_city_city ON work_city (city_id);

CREATE TABLE work_language (
    work_id   BIGINT      NOT NULL,
    tag       VARCHAR(35) NOT NULL,
    PRIMARY KEY (work_id, tag),
    CONSTRAINT fk_work_language_work FOREIGN KEY (work_id) REFERENCES work (id)
);

CREATE TABLE work_tag (
    work_id   BIGINT      NOT NULL,
    tag       VARCHAR(64) NOT NULL,
    PRIMARY KEY (work_id, tag),
    CONSTRAINT fk_work_tag_work FOREIGN KEY (work_id) REFERENCES work (id)
);

CREATE TABLE work_author (
    id          BIGINT      NOT NULL PRIMARY KEY,
    work_id     BIGINT      NOT NULL,
    account_id  BIGINT      NOT NULL,
    role        VARCHAR(16) NOT NULL,
    -- The author's city when they joined (their first active membership), shown in the attribution.
    city_id     BIGINT,
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_work_author UNIQUE (work_id, account_id),
    CONSTRAINT ck_work_author_role CHECK (role IN ('CREATOR', 'CO_AUTHOR')),
    CONSTRAINT fk_work_author_work FOREIGN KEY (work_id) REFERENCES work (id),
    CONSTRAINT fk_work_author_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_work_author_city FOREIGN KEY (city_id) REFERENCES city (id)
);
CREATE INDEX ix_work_author_account ON work_author (account_id);

-- Immutable: a row is written once and never updated.
CREATE TABLE work_version (
    id          BIGINT        NOT NULL PRIMARY KEY,
    work_id     BIGINT        NOT NULL,
    version_number INTEGER    NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    -- 'markdown' for text works, 'json' for collections and plugin kinds.
    format      VARCHAR(16)   NOT NULL,
    -- Up to 1,000,000 characters: the largest VARCHAR of H2 2.x (PostgreSQL allows more).
    content     VARCHAR(1000000) NOT NULL,
    message     VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_work_version UNIQUE (work_id, version_number),
    CONSTRAINT ck_work_version_format CHECK (format IN ('markdown', 'json')),
    CONSTRAINT fk_work_version_work FOREIGN KEY (work_id) REFERENCES work (id)
);

CREATE TABLE work_version_author (
    version_id  BIGINT NOT NULL,
    account_id  BIGINT NOT NULL,
    PRIMARY KEY (version_id, account_id),
    CONSTRAINT fk_work_version_author_version FOREIGN KEY (version_id) REFERENCES work_version (id),
    CONSTRAINT fk_work_version_author_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- A request to publish a version to an audience under a licence; done when every author consented, superseded
-- when a new version is saved before that.
CREATE TABLE work_publication (
    id              BIGINT      NOT NULL PRIMARY KEY,
    work_id         BIGINT      NOT NULL,
    version_number  INTEGER     NOT NULL,
    audience        VARCHAR(16) NOT NULL,
    space_id        BIGINT,
    licence         VARCHAR(32) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    requested_by    BIGINT      NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_work_publication_state CHECK (state IN ('PENDING', 'DONE', 'SUPERSEDED')),
    CONSTRAINT ck_work_publication_audience CHECK (audience IN ('EVERYONE', 'SPACE')),
    CONSTRAINT fk_work_publication_work FOREIGN KEY (work_id) REFERENCES work (id),
    CONSTRAINT fk_work_publication_space FOREIGN KEY (space_id) REFERENCES space (id),
    CONSTRAINT fk_work_publication_by FOREIGN KEY (requested_by) REFERENCES account (id)
);
CREATE INDEX ix_work_publication_work ON work_publication (work_id, state);

CREATE TABLE work_consent (
    publication_id  BIGINT NOT NULL,
    account_id      BIGINT NOT NULL,
    consented_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (publication_id, account_id),
    CONSTRAINT fk_work_consent_publication FOREIGN KEY (publication_id) REFERENCES work_publication (id),
    CONSTRAINT fk_work_consent_account FOREIGN KEY (account_id) REFERENCES account (id)
);
