-- Announcements on several nodes: the node delivering a fan-out claims it (each batch renews the claim, in the
-- batch's transaction under the announcement's row lock); the others leave it alone while the claim holds, and a
-- node's sweep takes over a fan-out whose claim ran out (its node died in the middle). The cursor (delivered_to) and
-- the unique (announcement, account) key keep each person's notification single whoever delivers it.
-- Portable to H2 2.x and PostgreSQL.
ALTER TABLE announcement ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE announcement ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
