-- The audit log also records administrative changes (roles, plugins, cities, designations): what they were done to,
-- and the value before and after.
ALTER TABLE audit_entry ADD COLUMN subject VARCHAR(200);
ALTER TABLE audit_entry ADD COLUMN before_value VARCHAR(4000);
ALTER TABLE audit_entry ADD COLUMN after_value VARCHAR(4000);

-- Failed sign-ins no longer lock accounts: they limit their source, in memory (see SignInGuard).
ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;
