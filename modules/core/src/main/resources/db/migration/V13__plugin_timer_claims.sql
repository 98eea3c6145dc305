-- Durable plugin timers on several nodes: each node arms the stored timers that fall due, and the one whose delivery
-- claims the row first delivers it (the others find it claimed). The claim names the node (host:port, the same
-- across its restarts) and lasts past the call's time limit and the retry delay; a node that dies while it holds
-- one leaves the timer to the others once it expires. Portable to H2 2.x and PostgreSQL.
ALTER TABLE plugin_timer ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE plugin_timer ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
