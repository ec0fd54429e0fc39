-- Notifications read by the person they are for. The header of every
-- page shows how many are unread: the count is kept on the person's row,
-- which the session query reads anyway, so no page pays for counting
-- (a subquery there cost every signed-in page a few per cent).
ALTER TABLE users ADD COLUMN unread_notifications int NOT NULL DEFAULT 0
    CHECK (unread_notifications >= 0);
UPDATE users u SET unread_notifications = (SELECT count(*) FROM notifications n
                                            WHERE n.user_id = u.id AND n.read_at IS NULL);

CREATE FUNCTION notifications_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change int := CASE TG_OP
        WHEN 'INSERT' THEN (NEW.read_at IS NULL)::int
        WHEN 'DELETE' THEN -(OLD.read_at IS NULL)::int
        ELSE (NEW.read_at IS NULL)::int - (OLD.read_at IS NULL)::int END;
BEGIN
    IF change <> 0 THEN
        UPDATE users SET unread_notifications = unread_notifications + change
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_count_unread AFTER INSERT OR UPDATE OF read_at OR DELETE
    ON notifications FOR EACH ROW EXECUTE FUNCTION notifications_count_unread();
