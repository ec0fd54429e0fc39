-- Notifications read by the person they are for: the header counts the
-- unread ones on every page, so they have an index of their own.
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
