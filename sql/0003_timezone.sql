-- Times are shown as the colleges live them: UK time, summer time included.
-- (Stored values are timestamptz and unaffected.)
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'Europe/London');
END $$;
