-- A project's own space (a core space of neither a city nor a field, with its rooms), opened when the project is
-- created: its active members post there and its leads manage it. Portable SQL: runs on H2 2.x and PostgreSQL.
-- Projects created before have none (NULL).

ALTER TABLE project ADD COLUMN space_id BIGINT;
CREATE UNIQUE INDEX ux_project_space ON project (space_id);
