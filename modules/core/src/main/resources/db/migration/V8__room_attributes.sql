-- What the creator of a room passed for its kind (a JSON object as text), e.g. the screening of a watch party.

ALTER TABLE room ADD COLUMN attributes VARCHAR(4000);
