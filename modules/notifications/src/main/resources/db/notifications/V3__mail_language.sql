-- The language of a person's notification mail ('en' or 'fr'); NULL: taken from the languages of their profile.
ALTER TABLE notification_preference ADD COLUMN language VARCHAR(8);
