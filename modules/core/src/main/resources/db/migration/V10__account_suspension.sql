-- An administrator may suspend an account, for a time (suspended_until) or until lifted (suspended_until NULL).
-- suspended_at is NULL while the account is not suspended.
ALTER TABLE account ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN suspended_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN suspension_reason VARCHAR(500);
