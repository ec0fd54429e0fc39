-- A suspended person's posts leave with them: nobody reads them (their
-- blog, its feed and its index already said so; now every post does), and
-- the lists that showed them change. And a membership moved from one
-- cohort to another changes both cohorts' lists.
CREATE OR REPLACE FUNCTION post_visible(post bigint, viewer bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    p posts%ROWTYPE;
BEGIN
    SELECT * INTO p FROM posts WHERE id = post;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM users WHERE id = p.author_id
                                                     AND status = 'active') THEN
        RETURN false;
    END IF;
    RETURN p.author_id = viewer
        OR (p.status = 'published' AND p.published_at <= now()
            AND p.visibility = ANY (blog_audience(viewer, p.author_id)));
END $$;

CREATE OR REPLACE FUNCTION users_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.display_name IS DISTINCT FROM OLD.display_name
       OR NEW.username IS DISTINCT FROM OLD.username
       OR NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM touch_post_lists(NEW.id);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION memberships_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cohorts SET posts_version = nextval('posts_versions')
     WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.cohort_id END,
                  CASE WHEN TG_OP <> 'DELETE' THEN NEW.cohort_id END);
    RETURN NULL;
END $$;
