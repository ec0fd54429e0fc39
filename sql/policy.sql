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
-- which posts. Every statement on posts joins one of them (sql/0008_blogs.sql
-- describes the visibilities).

-- For each active author (a suspended person's blog is gone for everyone,
-- themselves included) their name, and the visibilities of their posts
-- viewer reads (visibilities): all of their own; 'cohort' too when the two
-- share a cohort (in any role); 'institution' too at the author's college;
-- 'public' anyway. at_college: viewer is at the author's college (reads
-- what is for it). Always joined on author_id (one probe of users a post
-- or blog): alone, it would list every person of every college. Its
-- visibilities are also what a kept list of a blog's posts is kept under
-- (cgi-bin/pages/blog.c).
-- aud is worked out once an author (OFFSET 0), however often a statement
-- looks at it. In it the viewer's college is a sub-query that names only
-- viewer, so PostgreSQL runs it once for the statement, not once an
-- author (and not an outer join: one whose ON names viewer would keep the
-- function from being flattened into a statement that passes it a column,
-- session_viewer's v.id). Whether the two share a cohort is two probes of
-- memberships (OFFSET 0 again): never a hash of everyone in the viewer's
-- cohorts (a thousand in the bench's) for the five posts of a home page.
CREATE OR REPLACE FUNCTION post_audiences(viewer bigint)
RETURNS TABLE (author_id bigint, institution_id bigint, username text, display_name text,
               visibilities text[], at_college boolean)
LANGUAGE sql STABLE AS $$
    SELECT a.id, a.institution_id, a.username, a.display_name, aud.visibilities,
           'institution' = ANY (aud.visibilities)
      FROM users a
     CROSS JOIN LATERAL (
           SELECT CASE WHEN a.id = viewer THEN '{private,cohort,institution,public}'::text[]
                       WHEN (SELECT v.institution_id FROM users v WHERE v.id = viewer)
                            IS DISTINCT FROM a.institution_id THEN '{public}'
                       WHEN EXISTS (SELECT 1 FROM memberships x
                                      JOIN memberships y ON y.cohort_id = x.cohort_id
                                     WHERE x.user_id = a.id AND y.user_id = viewer OFFSET 0)
                       THEN '{cohort,institution,public}'
                       ELSE '{institution,public}' END AS visibilities
           OFFSET 0) aud
     WHERE a.status = 'active'
$$;

-- The posts viewer reads: their own, drafts and scheduled ones included;
-- another's once published, its time come, and its visibility one viewer
-- reads of its author's. Of every college: a public post is anyone's.
-- With each, its author's username and name, audience (the visibilities
-- of the author's posts viewer reads) and may_comment: viewer takes part
-- in its comments, reading them and adding to them, as a reader at its
-- college (one from elsewhere reads a public post, not the conversation
-- under it). A statement joins it as its posts (FROM readable_posts(v.id)
-- p) and says what it lists: an id, an author, words, and for a list
-- across blogs the viewer's college (p.institution_id = v.institution_id),
-- which leads the index it walks and, as a post is at its author's
-- college, keeps the authors it reads to that college's too. For one
-- author's posts the author is read first, and their audience worked out
-- once.
CREATE OR REPLACE FUNCTION readable_posts(viewer bigint)
RETURNS TABLE (id bigint, institution_id bigint, author_id bigint, year int, month int,
               slug text, title text, body_md text, body_html text, body_text text,
               tags text[], status text, visibility text, published_at timestamptz,
               comments text, evidence_id bigint, created_at timestamptz,
               updated_at timestamptz, search tsvector,
               author_username text, author_name text, audience text[], may_comment boolean)
LANGUAGE sql STABLE AS $$
    SELECT p.id, p.institution_id, p.author_id, p.year, p.month, p.slug, p.title, p.body_md,
           p.body_html, p.body_text, p.tags, p.status, p.visibility, p.published_at,
           p.comments, p.evidence_id, p.created_at, p.updated_at, p.search,
           r.username, r.display_name, r.visibilities, r.at_college
      FROM posts p
      JOIN post_audiences(viewer) r
        ON r.author_id = p.author_id AND r.institution_id = p.institution_id
     WHERE p.author_id = viewer
        OR (p.status = 'published' AND p.published_at <= now()
            AND p.visibility = ANY (r.visibilities))
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

