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


-- ------------------------------- portfolio: pages, collections, evidence, files

-- Who supports a learner. Work shared with "tutors and mentors" reaches
-- them, a comment from one of them is feedback, and work is submitted to
-- one of them. The mentoring threads below rest on the same two facts.

-- The people viewer teaches and is taught by: each learner of a cohort
-- viewer tutors (viewer_role 'tutor'), and each tutor of a cohort viewer
-- learns in ('learner'). viewer's own memberships lead, and the other's
-- must be in the same cohort at the same college. One row a cohort the
-- two share, so use it under EXISTS or IN. One SELECT without UNION, so
-- that it is flattened into the statement and is found by index either
-- way round: from viewer, or from the other person (person_id = a
-- column) with viewer known.
CREATE OR REPLACE FUNCTION teaching_partners(viewer bigint)
RETURNS TABLE (institution_id bigint, person_id bigint, viewer_role text)
LANGUAGE sql STABLE AS $$
    SELECT b.institution_id, b.user_id, a.role
      FROM memberships a
      JOIN memberships b ON b.institution_id = a.institution_id AND b.cohort_id = a.cohort_id
                        AND b.role = CASE a.role WHEN 'tutor' THEN 'learner' ELSE 'tutor' END
     WHERE a.user_id = viewer AND a.role IN ('tutor', 'learner')
$$;

-- The learners viewer supports, and how: 'tutor' (viewer tutors a cohort
-- the learner learns in) or 'mentor' (viewer mentors them in a mentorship
-- in force today: mentorship_live, under mentoring threads below). Use it
-- under EXISTS with learner_id = the learner: that condition reaches both
-- branches, and each is a lookup by key from viewer's memberships and
-- mentorships (mentorships_live: mentor, mentee).
CREATE OR REPLACE FUNCTION supported_learners(viewer bigint)
RETURNS TABLE (institution_id bigint, learner_id bigint, via text) LANGUAGE sql STABLE AS $$
    SELECT t.institution_id, t.person_id, 'tutor'::text
      FROM teaching_partners(viewer) t
     WHERE t.viewer_role = 'tutor'
    UNION ALL
    SELECT m.institution_id, m.mentee_id, 'mentor'::text
      FROM mentorships m
     WHERE m.mentor_id = viewer AND mentorship_live(m)
$$;

-- Kept for the statements that still ask it a row at a time (blog
-- comments mark feedback with it): whether viewer supports learner.
-- PL/pgSQL keeps its plan for the connection.
CREATE OR REPLACE FUNCTION supports(viewer bigint, learner bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM supported_learners(viewer) x WHERE x.learner_id = learner);
END $$;

-- Sharing. The live shares that let viewer in today: viewer is NULL for a
-- visitor, link the hash of the secret link's token the request came with
-- (or NULL). A share works from starts_on to ends_on (inclusive, either
-- may be open; dates in the database's time zone) until it is revoked.
-- 'public' lets anyone in, wherever they are signed in, and 'link'
-- whoever holds the link; every other audience is people at the owner's
-- college (the share's institution_id against viewer's own row):
-- 'college' all of them, 'person' the one it names, 'cohort' the members
-- of the cohort, 'supporters' the owner's tutors and mentors that day.
-- Joined on page_id or collection_id with the thing's institution_id, it
-- is a probe of the college's live shares of that thing.
CREATE OR REPLACE FUNCTION shares_admitting(viewer bigint, link text)
RETURNS TABLE (share_id bigint, institution_id bigint, owner_id bigint, page_id bigint,
               collection_id bigint, audience text)
LANGUAGE sql STABLE AS $$
    SELECT s.id, s.institution_id, s.owner_id, s.page_id, s.collection_id, s.audience
      FROM shares s
      LEFT JOIN users v ON v.id = viewer
     WHERE s.revoked_at IS NULL
       AND (s.starts_on IS NULL OR s.starts_on <= current_date)
       AND (s.ends_on IS NULL OR s.ends_on >= current_date)
       AND (s.audience = 'public'
            OR (s.audience = 'link' AND s.token_hash = link)
            OR (s.institution_id = v.institution_id
                AND (s.audience = 'college'
                     OR (s.audience = 'person' AND s.user_id = v.id)
                     OR (s.audience = 'cohort'
                         AND EXISTS (SELECT 1 FROM memberships m
                                      WHERE m.institution_id = v.institution_id
                                        AND m.cohort_id = s.cohort_id AND m.user_id = v.id))
                     OR (s.audience = 'supporters'
                         AND EXISTS (SELECT 1 FROM supported_learners(v.id) x
                                      WHERE x.learner_id = s.owner_id)))))
$$;

-- Reading. Each function below gives the rows of its table that viewer
-- reads (RETURNS SETOF the table: a statement uses it as it would the
-- table, with no second look-up). Joined on the thing's id it is a
-- look-up by key, and the rule is tested on that row alone.
--
-- One's own: only a thing's owner changes a page, a collection, a piece
-- of evidence, a file or a share, and the owner's editor and lists show
-- only their own. That is owner_id = viewer, each function's first
-- branch, and the statements about one's own things say just that: the
-- rest of a rule's plan (all of it opened on every run, used or not)
-- would cost them several times their own work.

-- The collections viewer reads: their own, and those shared with them.
CREATE OR REPLACE FUNCTION readable_collections(viewer bigint, link text)
RETURNS SETOF collections LANGUAGE sql STABLE AS $$
    SELECT c.*
      FROM collections c
     WHERE c.owner_id = viewer
        OR EXISTS (SELECT 1 FROM shares_admitting(viewer, link) s
                    WHERE s.institution_id = c.institution_id AND s.collection_id = c.id)
$$;

-- The pages viewer reads: their own, those shared with them, and those in
-- a collection shared with them. A share of the page, or of a collection
-- holding it, is found by index (shares_page, shares_collection: the
-- college and the page, or the college and each collection), and the
-- share rule is asked once.
CREATE OR REPLACE FUNCTION readable_pages(viewer bigint, link text)
RETURNS SETOF portfolio_pages LANGUAGE sql STABLE AS $$
    SELECT p.*
      FROM portfolio_pages p
     WHERE p.owner_id = viewer
        OR EXISTS (SELECT 1 FROM shares_admitting(viewer, link) s
                    WHERE s.institution_id = p.institution_id
                      AND (s.page_id = p.id
                           OR s.collection_id = ANY (ARRAY(SELECT cp.collection_id
                                                             FROM collection_pages cp
                                                            WHERE cp.page_id = p.id))))
$$;

-- The evidence viewer reads: their own, what is on a page they read, and
-- what is in a leadership plan they read (lp_readers).
CREATE OR REPLACE FUNCTION readable_evidence(viewer bigint, link text)
RETURNS SETOF evidence LANGUAGE sql STABLE AS $$
    SELECT e.*
      FROM evidence e
     WHERE e.owner_id = viewer
        OR EXISTS (SELECT 1 FROM page_blocks b
                     JOIN readable_pages(viewer, link) p ON p.id = b.page_id
                    WHERE b.evidence_id = e.id AND b.institution_id = e.institution_id)
        OR EXISTS (SELECT 1 FROM leadership_evidence le
                     JOIN lp_readers(viewer) r ON r.plan_id = le.plan_id
                    WHERE le.evidence_id = e.id AND le.institution_id = e.institution_id)
$$;

-- The submissions viewer reads: those they made, and those made to them
-- as the tutor. Nobody else: a submission is between the two (never the
-- same person). Two branches, each an index probe from viewer's own row;
-- a condition on id (s.id = $1) reaches both.
CREATE OR REPLACE FUNCTION readable_submissions(viewer bigint)
RETURNS SETOF submissions LANGUAGE sql STABLE AS $$
    SELECT s.*
      FROM users v
      JOIN submissions s ON s.institution_id = v.institution_id AND s.owner_id = v.id
     WHERE v.id = viewer
    UNION ALL
    SELECT s.*
      FROM users v
      JOIN submissions s ON s.institution_id = v.institution_id AND s.tutor_id = v.id
     WHERE v.id = viewer
$$;

-- The files viewer may download: their own, those of evidence they read,
-- those a submission they read froze, and the reports of profile results
-- in a leadership plan they read.
CREATE OR REPLACE FUNCTION readable_files(viewer bigint, link text)
RETURNS SETOF files LANGUAGE sql STABLE AS $$
    SELECT f.*
      FROM files f
     WHERE f.owner_id = viewer
        OR EXISTS (SELECT 1 FROM readable_evidence(viewer, link) e
                    WHERE e.institution_id = f.institution_id AND e.file_id = f.id)
        OR EXISTS (SELECT 1 FROM submission_files sf
                     JOIN readable_submissions(viewer) s ON s.id = sf.submission_id
                    WHERE sf.file_id = f.id)
        OR EXISTS (SELECT 1 FROM profile_results pr
                     JOIN lp_readers(viewer) r ON r.plan_id = pr.plan_id
                    WHERE pr.institution_id = f.institution_id AND pr.report_file_id = f.id)
$$;

-- The old names, for the statements outside the portfolio that still ask
-- one row at a time (plans.h asks page_visible, blog.c evidence_visible):
-- PL/pgSQL, which keeps its plan for the connection.
CREATE OR REPLACE FUNCTION page_visible(page bigint, viewer bigint, link text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM readable_pages(viewer, link) p WHERE p.id = page);
END $$;

CREATE OR REPLACE FUNCTION evidence_visible(piece bigint, viewer bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM readable_evidence(viewer, NULL) e WHERE e.id = piece);
END $$;

-- Nothing asks these any more: the functions above say what they said.
DROP FUNCTION IF EXISTS share_admits(shares, bigint, text);
DROP FUNCTION IF EXISTS collection_visible(bigint, bigint, text);
DROP FUNCTION IF EXISTS file_visible(bigint, bigint, text);


-- ------------------------------------------------------- mentoring threads

-- Whether mentorship m is in force today: active, begun and not yet over.
-- An expression with no sub-query, so every statement and function that
-- uses it (supported_learners above among them) has it written in place
-- by the planner, never called. First written in sql/0013_mentoring.sql,
-- which is how it is already there when supported_learners is made.
CREATE OR REPLACE FUNCTION mentorship_live(m mentorships) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT m.state = 'active' AND m.starts_on <= current_date
       AND (m.ends_on IS NULL OR m.ends_on >= current_date)
$$;

-- The mentorships viewer is in, whatever their state: only its mentor and
-- its mentee see one. role: viewer's in it ('mentor' or 'mentee');
-- other_id: the other person; live: in force today.
CREATE OR REPLACE FUNCTION mentorships_of(viewer bigint)
RETURNS TABLE (mentorship_id bigint, institution_id bigint, role text, other_id bigint,
               live boolean)
LANGUAGE sql STABLE AS $$
    SELECT m.id, m.institution_id,
           CASE WHEN m.mentor_id = v.id THEN 'mentor' ELSE 'mentee' END,
           CASE WHEN m.mentor_id = v.id THEN m.mentee_id ELSE m.mentor_id END,
           mentorship_live(m)
      FROM users v
      JOIN mentorships m ON m.institution_id = v.institution_id
                        AND (m.mentor_id = v.id OR m.mentee_id = v.id)
     WHERE v.id = viewer
$$;

-- The threads viewer reads: those they are a member of (only its members
-- read a thread; an administrator reading one for safeguarding is a
-- separate, recorded act), with the thread's own columns, so that a
-- statement needs no second look-up of it. last_read_id: the newest
-- message viewer has read. may_write: whether viewer may write in it now:
-- a mentorship's thread while the mentorship is in force, a direct one
-- while one of its members still teaches the other (teaching_partners).
-- Keyed on viewer's own membership rows (thread_members_user), which
-- carry no college: a thread's members are at its college
-- (thread_insert), and statements hold institution_id to the viewer's.
CREATE OR REPLACE FUNCTION thread_members(viewer bigint)
RETURNS TABLE (thread_id bigint, institution_id bigint, mentorship_id bigint, subject text,
               last_message_id bigint, last_message_at timestamptz, message_count int,
               last_read_id bigint, may_write boolean)
LANGUAGE sql STABLE AS $$
    SELECT t.id, t.institution_id, t.mentorship_id, t.subject, t.last_message_id,
           t.last_message_at, t.message_count, tm.last_read_id,
           CASE WHEN t.mentorship_id IS NOT NULL
                THEN EXISTS (SELECT 1 FROM mentorships m
                              WHERE m.id = t.mentorship_id AND mentorship_live(m))
                ELSE EXISTS (SELECT 1 FROM thread_members o
                               JOIN teaching_partners(viewer) x ON x.person_id = o.user_id
                              WHERE o.thread_id = t.id AND o.user_id <> viewer) END
      FROM thread_members tm
      JOIN threads t ON t.id = tm.thread_id
     WHERE tm.user_id = viewer
$$;
