-- Blogs: a learning log for each person, read by the people its author
-- chooses post by post, commented on, followed by feed, searched.

-- A blog's settings; a person without a row has a blog with comments open.
CREATE TABLE blogs (
    owner_id        bigint PRIMARY KEY REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    comments        text NOT NULL DEFAULT 'open'
                    CHECK (comments IN ('open', 'moderated', 'closed'))
);

-- A post's address, /u/USERNAME/blog/YYYY/MM/SLUG, is fixed when it is
-- first saved (year, month, slug) and never follows a later title.
-- status is what its author chose; a published post with published_at in
-- the future is scheduled and, until then, seen only by its author.
-- visibility: private (only the author), cohort (anyone in one of the
-- author's cohorts), institution (anyone signed in at the college),
-- public (anyone). comments: NULL follows the blog's setting.
CREATE TABLE posts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    author_id       bigint NOT NULL REFERENCES users(id),
    year            int NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    month           int NOT NULL CHECK (month BETWEEN 1 AND 12),
    slug            text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 90),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_md         text NOT NULL DEFAULT '',
    body_html       text NOT NULL DEFAULT '',
    body_text       text NOT NULL DEFAULT '',   -- plain words: excerpts, search
    tags            text[] NOT NULL DEFAULT '{}',
    status          text NOT NULL CHECK (status IN ('draft', 'published')),
    visibility      text NOT NULL
                    CHECK (visibility IN ('private', 'cohort', 'institution', 'public')),
    published_at    timestamptz,
    comments        text CHECK (comments IN ('open', 'moderated', 'closed')),
    evidence_id     bigint REFERENCES evidence(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search          tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', body_text), 'B')) STORED,
    UNIQUE (author_id, year, month, slug),
    CHECK (status = 'draft' OR published_at IS NOT NULL)
);
-- A blog's posts newest first; what readers see across blogs newest first;
-- tags; words.
CREATE INDEX posts_author ON posts (author_id, published_at DESC NULLS FIRST, id DESC);
CREATE INDEX posts_shared ON posts (published_at DESC, id DESC)
    WHERE status = 'published' AND visibility <> 'private';
CREATE INDEX posts_tags ON posts USING gin (tags);
CREATE INDEX posts_search ON posts USING gin (search);
CREATE INDEX posts_evidence ON posts (evidence_id);

-- A post's address. Only immutable operators inside, so that PostgreSQL
-- inlines it into the statements that list posts (format() and to_char()
-- are merely stable, and would make it a function call, parsed again for
-- every row).
CREATE FUNCTION post_path(username text, year int, month int, slug text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT '/u/' || username || '/blog/' || year::text || '/' || lpad(month::text, 2, '0')
           || '/' || slug
$$;

-- Whether two people are in a cohort together, in any role.
CREATE FUNCTION share_a_cohort(a bigint, b bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM memberships x JOIN memberships y ON y.cohort_id = x.cohort_id
                    WHERE x.user_id = a AND y.user_id = b);
END $$;

-- The visibilities of author's posts that viewer (NULL: a visitor) may
-- read, once they are published: the one place that says who reads a blog.
-- Lists filter with "visibility = ANY (blog_audience(...))", worked out
-- once for a whole list.
CREATE FUNCTION blog_audience(viewer bigint, author bigint) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF viewer = author THEN
        RETURN ARRAY['private', 'cohort', 'institution', 'public'];
    ELSIF NOT EXISTS (SELECT 1 FROM users a JOIN users v ON v.institution_id = a.institution_id
                       WHERE a.id = author AND v.id = viewer) THEN
        RETURN ARRAY['public'];
    ELSIF share_a_cohort(viewer, author) THEN
        RETURN ARRAY['cohort', 'institution', 'public'];
    END IF;
    RETURN ARRAY['institution', 'public'];
END $$;

-- Whether viewer may read post: its author always (drafts included);
-- others once it is published, its time has come, and they are in its
-- audience.
CREATE FUNCTION post_visible(post bigint, viewer bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    p posts%ROWTYPE;
BEGIN
    SELECT * INTO p FROM posts WHERE id = post;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    RETURN p.author_id = viewer
        OR (p.status = 'published' AND p.published_at <= now()
            AND p.visibility = ANY (blog_audience(viewer, p.author_id)));
END $$;

-- Whether viewer may see a piece of evidence: its owner, or whoever may
-- see a page that shows it (the portfolio's sharing rules). A post shows
-- the evidence it links to only to readers this admits.
CREATE FUNCTION evidence_visible(piece bigint, viewer bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    page bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM evidence WHERE id = piece AND owner_id = viewer) THEN
        RETURN true;
    END IF;
    FOR page IN SELECT DISTINCT page_id FROM page_blocks WHERE evidence_id = piece LOOP
        IF page_visible(page, viewer, NULL) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

-- Comments on posts share the comments table. held: waiting for the
-- blog's owner to approve it (seen only by the owner and its author).
ALTER TABLE comments
    ADD COLUMN post_id bigint REFERENCES posts(id) ON DELETE CASCADE,
    ADD COLUMN held boolean NOT NULL DEFAULT false,
    DROP CONSTRAINT comments_check,
    ADD CONSTRAINT comments_on_one_thing
        CHECK (num_nonnulls(page_id, submission_id, post_id) = 1);
CREATE INDEX comments_post ON comments (post_id, created_at);

-- A reader's private feed address: only the token's hash is kept. Making
-- a new one replaces the row, and the old address stops working.
CREATE TABLE feed_tokens (
    user_id         bigint PRIMARY KEY REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    token_hash      text NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Every change to what a list of posts shows gives it a new posts_version:
-- the author's blog for a post added, changed or removed, or the author's
-- name changed; each cohort the author is in likewise, and a cohort whose
-- members change. The server keeps rendered lists in memory under these
-- versions (cgi-bin/core/fragment.c), so the row a page reads anyway tells
-- it whether what it holds is still true. (Scheduled posts appear with
-- time, not a change: a kept list also expires when the next one is due.)
CREATE SEQUENCE posts_versions;
ALTER TABLE blogs ADD COLUMN posts_version bigint NOT NULL DEFAULT nextval('posts_versions');
ALTER TABLE cohorts ADD COLUMN posts_version bigint NOT NULL DEFAULT nextval('posts_versions');

CREATE FUNCTION touch_post_lists(author bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO blogs (owner_id, institution_id)
    SELECT id, institution_id FROM users WHERE id = author
    ON CONFLICT (owner_id) DO UPDATE SET posts_version = nextval('posts_versions');
    UPDATE cohorts SET posts_version = nextval('posts_versions')
     WHERE id IN (SELECT cohort_id FROM memberships WHERE user_id = author);
END $$;

CREATE FUNCTION posts_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM touch_post_lists(CASE WHEN TG_OP = 'DELETE' THEN OLD.author_id ELSE NEW.author_id END);
    RETURN NULL;
END $$;
CREATE TRIGGER posts_touch_lists AFTER INSERT OR UPDATE OR DELETE ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_touch_lists();

CREATE FUNCTION users_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.display_name IS DISTINCT FROM OLD.display_name
       OR NEW.username IS DISTINCT FROM OLD.username THEN
        PERFORM touch_post_lists(NEW.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER users_touch_lists AFTER UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_touch_lists();

CREATE FUNCTION memberships_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cohorts SET posts_version = nextval('posts_versions')
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.cohort_id ELSE NEW.cohort_id END;
    RETURN NULL;
END $$;
CREATE TRIGGER memberships_touch_lists AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_touch_lists();
