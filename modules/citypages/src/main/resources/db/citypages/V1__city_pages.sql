-- City brand pages: every edit of a city's page is an immutable version; the page is its latest version.
-- Portable SQL: runs on H2 2.x and PostgreSQL. Core rows (accounts, cities) are referenced by id.

CREATE SEQUENCE city_page_version_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE city_page_version (
    id              BIGINT          NOT NULL PRIMARY KEY,
    city_id         BIGINT          NOT NULL,
    -- 1, 2, 3, … per city; the page's entity tag. Unique, so two edits of the same version cannot both land.
    version_number  INTEGER         NOT NULL,
    -- The whole page as a JSON document (descriptions per language, banner, logo, links, highlights).
    content         VARCHAR(1000000) NOT NULL,
    author_id       BIGINT          NOT NULL,
    author_name     VARCHAR(200)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT city_page_version_number UNIQUE (city_id, version_number)
);
