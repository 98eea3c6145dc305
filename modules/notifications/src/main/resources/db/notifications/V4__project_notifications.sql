-- Notifications about a cross-city project (a join request, an invitation, their answers): the project and its
-- title. Portable SQL: runs on H2 2.x and PostgreSQL.

ALTER TABLE notification ADD COLUMN project_id BIGINT;
ALTER TABLE notification ADD COLUMN project_title VARCHAR(200);
