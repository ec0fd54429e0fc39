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
-- the learner's memberships to the viewer's. Alone (a list: call it with
-- a parameter, plan_sides($1), worked out first, as plan_list does), it
-- reads the plans of the viewer's college and tests each against the
-- viewer's learners, gathered once into a hash: no estimate of the size
-- of cohorts can turn it into a read of every membership.
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
-- everyone active at its college, else the learners of its cohorts. It
-- takes the poll's row, which every caller has in hand, so that asking it
-- costs no second lookup of the poll: SELECT ... FROM polls p,
-- eligible_voters(p) e. One SELECT, flattened where it is used: asked of
-- one person (EXISTS (... WHERE e.user_id = x)) it is a lookup of their
-- row and, for a poll of cohorts, of their memberships in its cohorts.
-- Listing all of a college-wide poll's voters reads the college's people;
-- listing a poll of cohorts' voters this way would test every person at
-- the college, so a page that counts them counts its cohorts' learners
-- (voice_turnout).
CREATE OR REPLACE FUNCTION eligible_voters(poll polls)
RETURNS TABLE (user_id bigint) LANGUAGE sql STABLE AS $$
    SELECT u.id
      FROM users u
     WHERE u.institution_id = poll.institution_id
       AND CASE WHEN poll.scope = 'college' THEN u.status = 'active'
                ELSE EXISTS (SELECT 1 FROM poll_cohorts c
                               JOIN memberships m ON m.institution_id = c.institution_id
                                                 AND m.cohort_id = c.cohort_id
                                                 AND m.role = 'learner'
                              WHERE c.poll_id = poll.id AND m.user_id = u.id) END
$$;

-- The same by the poll's id, for a caller without its row at hand.
CREATE OR REPLACE FUNCTION eligible_voters(poll bigint)
RETURNS TABLE (user_id bigint) LANGUAGE sql STABLE AS $$
    SELECT e.user_id FROM polls p CROSS JOIN eligible_voters(p) e WHERE p.id = poll
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
-- NULL), and the board of each cohort they belong to, in any role: one
-- row a membership, so a list of boards takes DISTINCT (a question of one
-- board, EXISTS, need not). Compare with IS NOT DISTINCT FROM to find the
-- college's.
CREATE OR REPLACE FUNCTION issue_boards(viewer bigint)
RETURNS TABLE (cohort_id bigint) LANGUAGE sql STABLE AS $$
    SELECT NULL::bigint FROM users v WHERE v.id = viewer
    UNION ALL
    SELECT m.cohort_id
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
