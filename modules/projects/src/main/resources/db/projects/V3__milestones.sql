-- A project's milestones: a title and a date; the project's view shows the next one.

CREATE SEQUENCE project_milestone_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE project_milestone (
    id           BIGINT        NOT NULL PRIMARY KEY,
    project_id   BIGINT        NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    due_on       DATE          NOT NULL,
    created_by   BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_project_milestone_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_milestone_created_by FOREIGN KEY (created_by) REFERENCES account (id)
);
CREATE INDEX ix_project_milestone_project ON project_milestone (project_id, due_on);
