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

-- The learners tutor teaches, and so whose learning plans they are the
-- tutor side of: every learner of a cohort they teach, at their college.
-- One row a cohort the two share, so use it under IN or EXISTS (or
-- DISTINCT). One SELECT without UNION, so that it is flattened into the
-- statement and joins either way round: from the tutor to their
-- learners (plan_sides, the list of learners to start a plan for), or
-- from a learner to their tutors (plan_notify: plan_tutees(o.id) with
-- o the candidate, the learner known).
CREATE OR REPLACE FUNCTION plan_tutees(tutor bigint)
RETURNS TABLE (institution_id bigint, learner_id bigint) LANGUAGE sql STABLE AS $$
    SELECT l.institution_id, l.user_id
      FROM users w
      JOIN memberships t ON t.institution_id = w.institution_id AND t.user_id = w.id
                        AND t.role = 'tutor'
      JOIN memberships l ON l.institution_id = t.institution_id AND l.cohort_id = t.cohort_id
                        AND l.role = 'learner'
     WHERE w.id = tutor
$$;

-- The learning plans viewer may open, and which side of the plan's
-- negotiation they are on: 'learner' (their own plan) or 'tutor' (they
-- teach a cohort the learner is in: plan_tutees). Mentors support a
-- learner but are not a side of their plan. Nobody is on both sides: a
-- tutor's own plan is theirs as the learner. A draft is seen only by the
-- side writing it until it is first proposed: the side that started it
-- (plan_insert writes its one version as its creator's side, the
-- learner's when the learner made it, and a plan never becomes a draft
-- again), so the test is on the plan's own row.
--
-- One SELECT, flattened into the statement. Joined on a plan id known to
-- the statement (ON s.plan_id = $2) it is a lookup by key: the plan, then
-- (when it is not the viewer's own) whether they teach its learner, from
-- the learner's memberships to the viewer's. Alone (a list), it reads the
-- plans of the viewer's college by (institution_id) and tests each
-- against the viewer's learners, gathered once into a hash: no estimate
-- of the size of cohorts can turn it into a read of every membership.
CREATE OR REPLACE FUNCTION plan_sides(viewer bigint)
RETURNS TABLE (plan_id bigint, side text) LANGUAGE sql STABLE AS $$
    SELECT p.id, CASE WHEN p.learner_id = viewer THEN 'learner' ELSE 'tutor' END
      FROM plans p
     WHERE EXISTS (SELECT 1 FROM users v WHERE v.id = viewer AND v.institution_id = p.institution_id)
       AND (p.learner_id = viewer
            OR EXISTS (SELECT 1 FROM plan_tutees(viewer) k
                        WHERE k.institution_id = p.institution_id
                          AND k.learner_id = p.learner_id))
       AND (p.state <> 'draft' OR (p.created_by = p.learner_id) = (p.learner_id = viewer))
$$;

-- ----------------------------------------------------------- student voice

-- The people who may vote in a poll (its row): for a college-wide poll
-- everyone active at its college, else the learners of its cohorts, once
-- each. It takes the poll's row, which every caller has in hand, so that
-- asking it costs no second lookup of the poll: SELECT ... FROM polls p,
-- eligible_voters(p) e. Only the branch of the poll's scope runs. Ask it
-- of one person as EXISTS (... WHERE e.user_id = x), which reaches each
-- branch as a lookup by key (a person's row for a college-wide poll,
-- their memberships in the poll's cohorts for the others); listing a
-- poll's voters reads the college's people, or its cohorts' members.
-- Joined on another table's column it would be listed whole first.
CREATE OR REPLACE FUNCTION eligible_voters(poll polls)
RETURNS TABLE (user_id bigint) LANGUAGE sql STABLE AS $$
    SELECT u.id
      FROM users u
     WHERE poll.scope = 'college' AND u.institution_id = poll.institution_id
       AND u.status = 'active'
    UNION ALL
    SELECT DISTINCT m.user_id
      FROM poll_cohorts c
      JOIN memberships m ON m.institution_id = c.institution_id AND m.cohort_id = c.cohort_id
                        AND m.role = 'learner'
     WHERE poll.scope = 'cohorts' AND c.institution_id = poll.institution_id
       AND c.poll_id = poll.id
$$;

-- The polls viewer sees, and as whom: mine (they created it: they alone
-- change it, and see it from its first draft) and eligible (they may vote
-- in it: eligible_voters). Anyone else sees a poll once it has opened
-- (opens_at set: a draft has none, a scheduled poll's is to come) if they
-- may vote in it. Keyed on the viewer because every page asks it of one
-- person (this poll for me, my polls, may I change it); the question is
-- asked at most once a poll, and not at all of the creator's own polls
-- by a statement that does not read `eligible`. Joined on a poll id known
-- to the statement (ON r.poll_id = $2) it is a lookup by key; alone, a
-- read of the college's polls.
CREATE OR REPLACE FUNCTION poll_readers(viewer bigint)
RETURNS TABLE (poll_id bigint, mine boolean, eligible boolean) LANGUAGE sql STABLE AS $$
    SELECT p.id, p.created_by = viewer, x.eligible
      FROM polls p
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM eligible_voters(p) e
                                         WHERE e.user_id = viewer) AS eligible) x
     WHERE EXISTS (SELECT 1 FROM users v WHERE v.id = viewer AND v.institution_id = p.institution_id)
       AND (p.created_by = viewer OR (p.opens_at IS NOT NULL AND x.eligible))
$$;

-- voice_cast (sql/0017_sealed_ballots.sql) asks this of the poll row it
-- has locked: it was PL/pgSQL of its own (sql/0016_voice.sql), and is now
-- eligible_voters asked of one person, under the same name and arguments.
CREATE OR REPLACE FUNCTION poll_eligible(p polls, person bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM eligible_voters(p) e WHERE e.user_id = person)
$$;


-- The cohorts viewer represents (a 'rep' membership), at their college:
-- those they may run polls for and raise issues for (a student-union
-- officer, a role, may also do both for the whole college).
CREATE OR REPLACE FUNCTION represented_cohorts(viewer bigint)
RETURNS TABLE (cohort_id bigint) LANGUAGE sql STABLE AS $$
    SELECT m.cohort_id
      FROM users v
      JOIN memberships m ON m.institution_id = v.institution_id AND m.user_id = v.id
                        AND m.role = 'rep'
     WHERE v.id = viewer
$$;

-- The "you said, we did" boards viewer reads: their college's (cohort_id
-- NULL), and the board of each cohort they belong to, in any role, once
-- each. Compare with IS NOT DISTINCT FROM to find the college's.
CREATE OR REPLACE FUNCTION issue_boards(viewer bigint)
RETURNS TABLE (cohort_id bigint) LANGUAGE sql STABLE AS $$
    SELECT NULL::bigint FROM users v WHERE v.id = viewer
    UNION ALL
    SELECT DISTINCT m.cohort_id
      FROM users v
      JOIN memberships m ON m.institution_id = v.institution_id AND m.user_id = v.id
     WHERE v.id = viewer
$$;

-- The issues viewer reads, and whether they read the board an issue is
-- on (on_board): the issues of their boards (issue_boards), and those
-- they raised, are to answer, or whose answerer is their report (a line
-- manager follows what their staff answer). Joined on an issue id known
-- to the statement (ON r.issue_id = $1) it is a lookup by key.
CREATE OR REPLACE FUNCTION issue_readers(viewer bigint)
RETURNS TABLE (issue_id bigint, on_board boolean) LANGUAGE sql STABLE AS $$
    SELECT i.id, x.on_board
      FROM voice_issues i
      JOIN users rs ON rs.id = i.responsible_id
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM issue_boards(viewer) b
                                         WHERE b.cohort_id IS NOT DISTINCT FROM i.cohort_id)
                                AS on_board) x
     WHERE EXISTS (SELECT 1 FROM users v WHERE v.id = viewer AND v.institution_id = i.institution_id)
       AND (x.on_board OR i.raised_by = viewer OR i.responsible_id = viewer
            OR rs.line_manager_id = viewer)
$$;

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

