-- Cross-city projects: several cities and fields around a goal, and their members (lead or member; active, a
-- pending join request, or a pending invitation). Portable SQL: runs on H2 2.x and PostgreSQL.
-- Core rows (accounts, cities, fields) are referenced by id.

CREATE SEQUENCE project_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE project_member_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE project (
    id           BIGINT        NOT NULL PRIMARY KEY,
    title        VARCHAR(200)  NOT NULL,
    -- Markdown, rendered with the core's SafeMarkdown when shown.
    goal         VARCHAR(16384),
    -- Open: anyone signed in may ask to join; closed: people join by invitation only.
    open_to_join BOOLEAN       NOT NULL,
    created_by   BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version  BIGINT        NOT NULL,
    CONSTRAINT fk_project_created_by FOREIGN KEY (created_by) REFERENCES account (id)
);
CREATE INDEX ix_project_created ON project (created_at);

CREATE TABLE project_city (
    project_id  BIGINT NOT NULL,
    city_id     BIGINT NOT NULL,
    PRIMARY KEY (project_id, city_id),
    CONSTRAINT fk_project_city_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_city_city FOREIGN KEY (city_id) REFERENCES city (id)
);
CREATE INDEX ix_project_city_city ON project_city (city_id);

CREATE TABLE project_field (
    project_id  BIGINT NOT NULL,
    field_id    BIGINT NOT NULL,
    PRIMARY KEY (project_id, field_id),
    CONSTRAINT fk_project_field_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_field_field FOREIGN KEY (field_id) REFERENCES creative_field (id)
);
CREATE INDEX ix_project_field_field ON project_field (field_id);

-- One row per person and project: ACTIVE (a member, with a role), REQUESTED (asked to join an open project, for a
-- lead to decide) or INVITED (asked by a lead, for the invitee to accept).
CREATE TABLE project_member (
    id           BIGINT       NOT NULL PRIMARY KEY,
    project_id   BIGINT       NOT NULL,
    account_id   BIGINT       NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    invited_by   BIGINT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_project_member UNIQUE (project_id, account_id),
    CONSTRAINT ck_project_member_role CHECK (role IN ('LEAD', 'MEMBER')),
    CONSTRAINT ck_project_member_state CHECK (state IN ('ACTIVE', 'REQUESTED', 'INVITED')),
    CONSTRAINT fk_project_member_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_project_member_invited_by FOREIGN KEY (invited_by) REFERENCES account (id)
);
CREATE INDEX ix_project_member_account ON project_member (account_id, state);
