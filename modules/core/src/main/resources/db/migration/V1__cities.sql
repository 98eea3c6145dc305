-- Creative fields and member cities. Portable SQL: runs on H2 2.x and PostgreSQL.

CREATE SEQUENCE creative_field_seq START WITH 100 INCREMENT BY 1;
CREATE SEQUENCE city_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE designation_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE creative_field (
    id           BIGINT       NOT NULL PRIMARY KEY,
    slug         VARCHAR(64)  NOT NULL,
    name         VARCHAR(120) NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    since_year   INTEGER      NOT NULL,
    sort_order   INTEGER      NOT NULL,
    CONSTRAINT uq_creative_field_slug UNIQUE (slug)
);

CREATE TABLE city (
    id            BIGINT        NOT NULL PRIMARY KEY,
    slug          VARCHAR(160)  NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    country_code  CHAR(2)       NOT NULL,
    country_name  VARCHAR(120)  NOT NULL,
    latitude      DECIMAL(9, 6),
    longitude     DECIMAL(9, 6),
    description   VARCHAR(4000),
    website       VARCHAR(500),
    join_policy   VARCHAR(16)   NOT NULL,
    -- Derived from the designation history by the City aggregate, for filtering and sorting:
    current_field_id BIGINT,
    joined_year   INTEGER,
    search_key    VARCHAR(500)  NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT uq_city_slug UNIQUE (slug),
    CONSTRAINT fk_city_current_field FOREIGN KEY (current_field_id) REFERENCES creative_field (id),
    CONSTRAINT uq_city_name_country UNIQUE (name, country_code),
    CONSTRAINT ck_city_join_policy CHECK (join_policy IN ('OPEN', 'APPROVAL'))
);
CREATE INDEX ix_city_country ON city (country_code);
CREATE INDEX ix_city_current_field ON city (current_field_id);

CREATE TABLE designation (
    id        BIGINT  NOT NULL PRIMARY KEY,
    city_id   BIGINT  NOT NULL,
    field_id  BIGINT  NOT NULL,
    designated_year INTEGER NOT NULL,
    CONSTRAINT fk_designation_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT fk_designation_field FOREIGN KEY (field_id) REFERENCES creative_field (id),
    CONSTRAINT uq_designation UNIQUE (city_id, field_id, designated_year)
);
CREATE INDEX ix_designation_field ON designation (field_id);
CREATE INDEX ix_designation_year ON designation (designated_year);

-- Every seed row ever imported, by its natural key. A row found here is never imported again, so a
-- re-import neither duplicates a designation nor undoes what an administrator edited or removed.
CREATE TABLE seed_import (
    row_key      VARCHAR(400) NOT NULL PRIMARY KEY,
    city_id      BIGINT,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO creative_field (id, slug, name, description, since_year, sort_order) VALUES
 (1, 'crafts-folk-art', 'Crafts and Folk Art', 'Cities whose craft traditions and folk art are living industries: makers, workshops, materials and the know-how passed between generations.', 2004, 1),
 (2, 'design', 'Design', 'Cities that use design, from products and fashion to urban and service design, to shape their economy and daily life.', 2004, 2),
 (3, 'film', 'Film', 'Cities with a film heritage and industry: production, festivals, archives, cinemas and film education.', 2004, 3),
 (4, 'gastronomy', 'Gastronomy', 'Cities whose food culture, from producers and markets to kitchens and culinary schools, is a creative industry.', 2004, 4),
 (5, 'literature', 'Literature', 'Cities of writers, publishers, libraries, bookshops and literary festivals that keep reading and writing alive.', 2004, 5),
 (6, 'media-arts', 'Media Arts', 'Cities where digital and electronic arts, creative technology and new media practice thrive.', 2004, 6),
 (7, 'music', 'Music', 'Cities whose musical life, from education and venues to festivals and the recording industry, drives the city.', 2004, 7),
 (8, 'architecture', 'Architecture', 'Cities that treat architecture and the built environment as creative practice and public culture. Added to the network in 2025.', 2025, 8);
