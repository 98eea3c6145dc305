-- A project's needs for expertise ("sound designer, French or English") and the synonym groups administrators add
-- to the list shipped with the application (org/creativecities/projects/synonyms.txt).

CREATE SEQUENCE project_need_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE project_synonym_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE project_need (
    id           BIGINT        NOT NULL PRIMARY KEY,
    project_id   BIGINT        NOT NULL,
    skill        VARCHAR(200)  NOT NULL,
    description  VARCHAR(2000),
    -- Optional: people of this city rank higher.
    city_id      BIGINT,
    created_by   BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_project_need_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_need_city FOREIGN KEY (city_id) REFERENCES city (id),
    CONSTRAINT fk_project_need_created_by FOREIGN KEY (created_by) REFERENCES account (id)
);
CREATE INDEX ix_project_need_project ON project_need (project_id);

CREATE TABLE project_need_field (
    need_id   BIGINT NOT NULL,
    field_id  BIGINT NOT NULL,
    PRIMARY KEY (need_id, field_id),
    CONSTRAINT fk_project_need_field_need FOREIGN KEY (need_id) REFERENCES project_need (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_need_field_field FOREIGN KEY (field_id) REFERENCES creative_field (id)
);

CREATE TABLE project_need_language (
    need_id   BIGINT      NOT NULL,
    language  VARCHAR(16) NOT NULL,
    PRIMARY KEY (need_id, language),
    CONSTRAINT fk_project_need_language_need FOREIGN KEY (need_id) REFERENCES project_need (id) ON DELETE CASCADE
);

-- One group of near-synonyms per row, its terms separated by '|', in the administrators' order.
CREATE TABLE project_synonym_group (
    id        BIGINT        NOT NULL PRIMARY KEY,
    position  INTEGER       NOT NULL,
    terms     VARCHAR(2000) NOT NULL
);
