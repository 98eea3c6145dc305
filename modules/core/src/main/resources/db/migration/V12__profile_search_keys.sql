-- Folded (lower case, accents removed) search keys of a profile, so the directory matches "Jose" to "José" in the
-- database and pages stay right. Accents cannot be removed portably in SQL (H2 and PostgreSQL differ), so the
-- keys start empty here and the application fills every profile whose key is NULL at start-up
-- (ProfileSearchKeys), then keeps them current whenever a profile or its owner's display name changes.
--   search_text: display name, bio and expertise tags, folded.
--   search_tags: each expertise tag as folded words, tags separated by ' | ', padded with spaces
--                (' sound design | ceramique '), so a whole-word match is one LIKE '% words %'.

ALTER TABLE profile ADD COLUMN search_text VARCHAR(8000);
ALTER TABLE profile ADD COLUMN search_tags VARCHAR(2000);
