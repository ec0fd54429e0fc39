-- Who may read or change what: the one statement of each access rule.
--
-- `tandem migrate` applies this file again after the numbered migrations,
-- every time, in one transaction: there is one current version to read
-- here, never a numbered copy to drift from. Functions are replaced in
-- place (CREATE OR REPLACE), so applying it twice changes nothing.
--
-- Each kind of object has one function that answers "which of these may
-- this person read, and as whom", and every statement that reads or
-- changes one joins it. They are written so that PostgreSQL inlines them
-- into the statement (a set-returning LANGUAGE sql function: one SELECT,
-- STABLE, not STRICT, no SET, no SECURITY DEFINER): the statement's own
-- conditions then reach the tables' indexes, and no function is called a
-- row. A scalar function with a sub-query is never inlined (a call per
-- row), and PL/pgSQL never is: neither belongs in a statement's WHERE.
-- tests/e2e/policy.test.mjs checks with EXPLAIN that the hot statements
-- inline them, and builds the access matrix of people and objects from
-- them.
--
-- Every function keeps to the viewer's college: the viewer's own row
-- gives the institution_id that leads the indexes the rule uses, so no
-- rule reads another college's rows.

-- ---------------------------------------------------------------- people

-- The person a session (the hash of its token) belongs to: how a page's
-- first statement, sent with the session's own in one round trip, knows
-- its viewer. session_lookup (cgi-bin/core/session.c) decides whether the
-- session is still good; a page's results are used only if it is.
-- OFFSET 0 keeps it one probe of the session's key, made first, whatever
-- the statistics of small tables suggest.
CREATE OR REPLACE FUNCTION session_viewer(session_hash text)
RETURNS TABLE (id bigint, institution_id bigint) LANGUAGE sql STABLE AS $$
    SELECT s.user_id, s.institution_id FROM sessions s WHERE s.token_hash = session_hash OFFSET 0
$$;

-- ------------------------------------------------- leadership plans

-- The leadership plans viewer reads, and as whom: 'owner', 'manager' (the
-- owner's line manager) or 'reader' (the owner shared it with them).
-- Joined on plan_id, it is a lookup by key; alone, a scan of the viewer's
-- college's plans (staff, not students: hundreds).
CREATE OR REPLACE FUNCTION lp_readers(viewer bigint)
RETURNS TABLE (plan_id bigint, side text) LANGUAGE sql STABLE AS $$
    SELECT p.id,
           CASE WHEN p.owner_id = v.id THEN 'owner'
                WHEN o.line_manager_id = v.id THEN 'manager' ELSE 'reader' END
      FROM users v
      JOIN leadership_plans p ON p.institution_id = v.institution_id
      JOIN users o ON o.id = p.owner_id
     WHERE v.id = viewer
       AND (p.owner_id = v.id OR o.line_manager_id = v.id
            OR EXISTS (SELECT 1 FROM leadership_shares s
                        WHERE s.plan_id = p.id AND s.user_id = v.id))
$$;

-- For the PL/pgSQL rules of evidence and files (one call each, not one a
-- row): whether viewer reads plan.
CREATE OR REPLACE FUNCTION leadership_reader(plan bigint, viewer bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM lp_readers(viewer) r WHERE r.plan_id = plan)
$$;

-- ---------------------------------------------------------- learning plans


-- ----------------------------------------------------------- student voice


-- ------------------------------------------------------------------- blogs

-- Who reads a blog, in two steps: post_audiences says which visibilities
-- of each author's posts viewer (NULL: a visitor) reads, readable_posts
-- which posts, whole rows. Every statement on posts joins one of them
-- (sql/0008_blogs.sql describes the visibilities).

-- For each active author (a suspended person's blog is gone for everyone,
-- themselves included), at their college, the visibilities of their posts
-- viewer reads: all of their own; 'cohort' too when the two share a cohort
-- (in any role); 'institution' too at the author's college; 'public'
-- anyway. Always joined on author_id (one probe of users a post or blog):
-- alone, it would list every person of every college. Its visibilities
-- are also what a kept list of a blog's posts is kept under
-- (cgi-bin/pages/blog.c). me is the viewer's college, one row (NULL for a
-- visitor) read once: not an outer join, as one whose ON names viewer
-- keeps PostgreSQL from flattening the function into a statement that
-- passes it a column (session_viewer's v.id), nor a sub-query per author.
CREATE OR REPLACE FUNCTION post_audiences(viewer bigint)
RETURNS TABLE (author_id bigint, institution_id bigint, visibilities text[])
LANGUAGE sql STABLE AS $$
    SELECT a.id, a.institution_id,
           CASE WHEN a.id = viewer THEN '{private,cohort,institution,public}'::text[]
                WHEN me.institution_id IS DISTINCT FROM a.institution_id THEN '{public}'
                WHEN EXISTS (SELECT 1 FROM memberships x
                               JOIN memberships y ON y.cohort_id = x.cohort_id
                              WHERE x.user_id = a.id AND y.user_id = viewer)
                THEN '{cohort,institution,public}'
                ELSE '{institution,public}' END
      FROM (SELECT max(v.institution_id) AS institution_id FROM users v WHERE v.id = viewer) me
     CROSS JOIN users a
     WHERE a.status = 'active'
$$;

-- Whether viewer reads a post of an author whose visibilities they read
-- are audience (post_audiences): their own always, drafts and scheduled
-- ones included; another's once published, its time come, and its
-- visibility in audience. An expression PostgreSQL writes into the
-- statement (no sub-query), for the two functions below.
CREATE OR REPLACE FUNCTION post_readable(viewer bigint, author bigint, status text,
                                         published_at timestamptz, visibility text,
                                         audience text[])
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT author = viewer
        OR (status = 'published' AND published_at <= now() AND visibility = ANY (audience))
$$;

-- The posts viewer reads, of every author and college (a public post is
-- anyone's). A statement joins it as its posts (FROM readable_posts(v.id)
-- p) and says what it lists: an id, words, and for a list across blogs the
-- viewer's college (p.institution_id = v.institution_id), which leads the
-- index it walks and, as a post is at its author's college, keeps the
-- authors it reads to that college's too. Each post's author's audience
-- is worked out with the post.
CREATE OR REPLACE FUNCTION readable_posts(viewer bigint)
RETURNS SETOF posts LANGUAGE sql STABLE AS $$
    SELECT p.*
      FROM posts p
      JOIN post_audiences(viewer) r
        ON r.author_id = p.author_id AND r.institution_id = p.institution_id
     WHERE post_readable(viewer, p.author_id, p.status, p.published_at, p.visibility,
                         r.visibilities)
$$;

-- The same, of one author: their blog, its feeds and its searches. The
-- author's audience is worked out once (OFFSET 0: before their posts are
-- read, not again for each).
CREATE OR REPLACE FUNCTION blog_readable_posts(viewer bigint, author bigint)
RETURNS SETOF posts LANGUAGE sql STABLE AS $$
    SELECT p.*
      FROM (SELECT r.author_id, r.institution_id, r.visibilities
              FROM post_audiences(viewer) r WHERE r.author_id = author OFFSET 0) r
      JOIN posts p ON p.author_id = r.author_id AND p.institution_id = r.institution_id
     WHERE post_readable(viewer, p.author_id, p.status, p.published_at, p.visibility,
                         r.visibilities)
$$;

-- The posts whose comments viewer reads and may add to: those they read
-- at their own college (a reader from elsewhere reads a public post, not
-- the conversation under it).
CREATE OR REPLACE FUNCTION commentable_posts(viewer bigint)
RETURNS SETOF posts LANGUAGE sql STABLE AS $$
    SELECT p.*
      FROM users me JOIN readable_posts(viewer) p ON p.institution_id = me.institution_id
     WHERE me.id = viewer
$$;

-- For the pages that link to a post one at a time (a plan's links,
-- cgi-bin/pages/plans.h; a thread's attachments, threads.c): whether
-- viewer reads post. Was PL/pgSQL (sql/0008, 0009); now the rule above.
CREATE OR REPLACE FUNCTION post_visible(post bigint, viewer bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM readable_posts(viewer) p WHERE p.id = post)
$$;

-- ------------------------------- portfolio: pages, collections, evidence, files


-- ------------------------------------------------------- mentoring threads

