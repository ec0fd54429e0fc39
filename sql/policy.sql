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


-- ------------------------------- portfolio: pages, collections, evidence, files


-- ------------------------------------------------------- mentoring threads

