-- Collections of pages, sharing, feedback comments, notifications and
-- submissions for assessment. Who may see what is decided in one place:
-- the functions page_visible, collection_visible and file_visible below,
-- which every statement that reads someone's portfolio goes through.

-- A collection: an ordered set of the owner's pages, read one after another.
CREATE TABLE collections (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id   bigint NOT NULL REFERENCES institutions(id),
    owner_id         bigint NOT NULL REFERENCES users(id),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description_md   text NOT NULL DEFAULT '',
    description_html text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX collections_owner ON collections (owner_id, updated_at DESC);

CREATE TABLE collection_pages (
    collection_id   bigint NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    page_id         bigint NOT NULL REFERENCES portfolio_pages(id) ON DELETE CASCADE,
    position        integer NOT NULL,
    PRIMARY KEY (collection_id, page_id),
    UNIQUE (collection_id, position) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX collection_pages_page ON collection_pages (page_id);

-- The rules below are PL/pgSQL, not SQL functions: PostgreSQL cannot inline
-- a SQL function holding a subquery, and plans it again on every statement
-- that calls it (milliseconds), whereas PL/pgSQL keeps its plans for the
-- connection (microseconds).

-- A page has changed when its blocks have: "last changed" and the order of
-- "Shared with me" say so.
CREATE FUNCTION touch_page() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE portfolio_pages SET updated_at = now()
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.page_id ELSE NEW.page_id END;
    RETURN NULL;
END $$;
CREATE TRIGGER page_blocks_touch_page AFTER INSERT OR UPDATE OR DELETE ON page_blocks
    FOR EACH ROW EXECUTE FUNCTION touch_page();

-- Whether viewer supports learner in their learning: teaches a cohort the
-- learner is in. Mentoring (a later migration) widens this one function.
CREATE FUNCTION supports(viewer bigint, learner bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM memberships t
                     JOIN memberships l ON l.cohort_id = t.cohort_id
                    WHERE t.user_id = viewer AND t.role = 'tutor'
                      AND l.user_id = learner AND l.role = 'learner');
END $$;

-- One share of a page or a collection with an audience:
--   person      one named person at the owner's college (user_id)
--   cohort      everyone in one of the owner's cohorts (cohort_id)
--   supporters  the owner's tutors and mentors, whoever they are that day
--   college     everyone signed in at the owner's college
--   public      anyone, signed in or not
--   link        whoever holds the secret link (only its token's hash is kept)
-- A share works from starts_on to ends_on (both optional, inclusive, in the
-- database's time zone, Europe/London) until it is revoked; revoked shares
-- are kept.
CREATE TABLE shares (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    owner_id        bigint NOT NULL REFERENCES users(id),
    page_id         bigint REFERENCES portfolio_pages(id) ON DELETE CASCADE,
    collection_id   bigint REFERENCES collections(id) ON DELETE CASCADE,
    audience        text NOT NULL
                    CHECK (audience IN ('person', 'cohort', 'supporters', 'college', 'public', 'link')),
    user_id         bigint REFERENCES users(id),
    cohort_id       bigint REFERENCES cohorts(id) ON DELETE CASCADE,
    token_hash      text UNIQUE,
    starts_on       date,
    ends_on         date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    CHECK ((page_id IS NULL) <> (collection_id IS NULL)),
    CHECK ((audience = 'person') = (user_id IS NOT NULL)),
    CHECK ((audience = 'cohort') = (cohort_id IS NOT NULL)),
    CHECK ((audience = 'link') = (token_hash IS NOT NULL)),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX shares_page ON shares (page_id) WHERE revoked_at IS NULL;
CREATE INDEX shares_collection ON shares (collection_id) WHERE revoked_at IS NULL;
CREATE INDEX shares_person ON shares (user_id) WHERE revoked_at IS NULL;
CREATE INDEX shares_institution ON shares (institution_id) WHERE revoked_at IS NULL;

-- Whether share s lets viewer in today. viewer is NULL for a visitor; link
-- is the hash of the secret link's token the request came with, or NULL.
CREATE FUNCTION share_admits(s shares, viewer bigint, link text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    -- One branch, one small query at most: these run for every page view.
    IF s.revoked_at IS NOT NULL OR s.starts_on > current_date OR s.ends_on < current_date THEN
        RETURN false;
    ELSIF s.audience = 'public' THEN
        RETURN true;
    ELSIF s.audience = 'link' THEN
        RETURN s.token_hash = link IS TRUE;
    ELSIF viewer IS NULL THEN
        RETURN false;
    ELSIF s.audience = 'person' THEN
        RETURN s.user_id = viewer;
    ELSIF s.audience = 'supporters' THEN
        RETURN supports(viewer, s.owner_id);
    ELSIF s.audience = 'college' THEN
        RETURN EXISTS (SELECT 1 FROM users u WHERE u.id = viewer
                          AND u.institution_id = s.institution_id);
    ELSIF s.audience = 'cohort' THEN
        RETURN EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = viewer
                          AND m.cohort_id = s.cohort_id);
    END IF;
    RETURN false;
END $$;

CREATE FUNCTION collection_visible(collection bigint, viewer bigint, link text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s shares;
BEGIN
    IF EXISTS (SELECT 1 FROM collections c WHERE c.id = collection AND c.owner_id = viewer) THEN
        RETURN true;
    END IF;
    FOR s IN SELECT * FROM shares WHERE collection_id = collection AND revoked_at IS NULL LOOP
        IF share_admits(s, viewer, link) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

-- A page is seen by its owner, by whom it is shared with, and by whom a
-- collection holding it is shared with.
CREATE FUNCTION page_visible(page bigint, viewer bigint, link text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s shares;
BEGIN
    IF EXISTS (SELECT 1 FROM portfolio_pages p WHERE p.id = page AND p.owner_id = viewer) THEN
        RETURN true;
    END IF;
    FOR s IN SELECT * FROM shares WHERE revoked_at IS NULL
               AND (page_id = page OR collection_id IN (SELECT collection_id FROM collection_pages
                                                         WHERE page_id = page)) LOOP
        IF share_admits(s, viewer, link) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

-- Submission for assessment: a frozen copy of a page or collection, as it
-- was when its owner handed it to a tutor, who reviews it while the owner
-- goes on changing the live one. The copy is HTML rendered at submission
-- from already-sanitised parts; its files are kept alive by
-- submission_files even if the evidence is later changed or deleted.
CREATE TABLE submissions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    owner_id        bigint NOT NULL REFERENCES users(id),
    tutor_id        bigint NOT NULL REFERENCES users(id),
    page_id         bigint REFERENCES portfolio_pages(id) ON DELETE SET NULL,
    collection_id   bigint REFERENCES collections(id) ON DELETE SET NULL,
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    note_md         text NOT NULL DEFAULT '',
    note_html       text NOT NULL DEFAULT '',
    snapshot_html   text NOT NULL,
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    reviewed_at     timestamptz,
    CHECK (tutor_id <> owner_id)
);
CREATE INDEX submissions_owner ON submissions (owner_id, submitted_at DESC);
CREATE INDEX submissions_tutor ON submissions (tutor_id, submitted_at DESC);

CREATE TABLE submission_files (
    submission_id   bigint NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    file_id         bigint NOT NULL REFERENCES files(id),
    PRIMARY KEY (submission_id, file_id)
);
CREATE INDEX submission_files_file ON submission_files (file_id);

-- A file is seen by its owner, with any page that shows it, and by the
-- tutor of a submission that froze it.
CREATE FUNCTION file_visible(file bigint, viewer bigint, link text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    page bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM files f WHERE f.id = file AND f.owner_id = viewer)
       OR EXISTS (SELECT 1 FROM submission_files sf JOIN submissions s ON s.id = sf.submission_id
                   WHERE sf.file_id = file AND s.tutor_id = viewer) THEN
        RETURN true;
    END IF;
    FOR page IN SELECT DISTINCT b.page_id FROM evidence e JOIN page_blocks b ON b.evidence_id = e.id
                 WHERE e.file_id = file LOOP
        IF page_visible(page, viewer, link) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

-- Comments on a page (page_id) or on a submission (submission_id).
-- is_feedback marks a comment from one of the owner's tutors or mentors,
-- decided when it was written. The page's owner may hide or delete any
-- comment on their page.
CREATE TABLE comments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    page_id         bigint REFERENCES portfolio_pages(id) ON DELETE CASCADE,
    submission_id   bigint REFERENCES submissions(id) ON DELETE CASCADE,
    author_id       bigint NOT NULL REFERENCES users(id),
    body_md         text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 20000),
    body_html       text NOT NULL,
    is_feedback     boolean NOT NULL DEFAULT false,
    hidden_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((page_id IS NULL) <> (submission_id IS NULL))
);
CREATE INDEX comments_page ON comments (page_id, created_at);
CREATE INDEX comments_submission ON comments (submission_id, created_at);

-- What someone should hear about: stored by every feature, delivered by
-- the notifications issue (in-app list and email).
CREATE TABLE notifications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    user_id         bigint NOT NULL REFERENCES users(id),
    actor_id        bigint REFERENCES users(id),
    kind            text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    link            text NOT NULL CHECK (link ~ '^/'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    read_at         timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
