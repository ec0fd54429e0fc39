-- Statement-level triggers in place of the per-row ones that keep
-- versions and counters up to date (issue 18).
--
-- Why: a per-row trigger that updates one shared row rewrites that row
-- once for every row the statement writes. 11,000 memberships of one
-- cohort left 11,000 versions of the cohort's row in one transaction, and
-- each update walked past all those before it, so bulk writes took time
-- quadratic in their size: 1,000, 2,000 and 4,000 memberships took 0.26,
-- 0.46 and 1.99 s, and importing 10,000 people 99 s on a busy machine.
--
-- How: each trigger below runs once per statement and reads the rows the
-- statement wrote from its transition tables (new_rows: as inserted or
-- updated; old_rows: as updated or deleted). It gathers the keys of what
-- changed into an array first, then touches each version or counter row
-- once, by "= ANY (keys)". The meaning stays that of the per-row
-- triggers: whatever gave a list or a page a new version still gives it
-- one (once per statement, not once per row), and unread counts stay
-- exact. Where an UPDATE could move a row from one parent to another (a
-- block to another page), both parents are touched; the per-row triggers
-- touched only the new one.
--
-- Two rules of PostgreSQL shape the code:
--   * a trigger with transition tables has one event and no column list,
--     so each table has one trigger per event, all calling one function
--     that looks at TG_OP (a statement that writes no rows still fires
--     them, with empty transition tables, and they then change nothing);
--   * PL/pgSQL plans a statement over a transition table once per
--     connection, for the number of rows the first call had, and keeps
--     that plan. So no statement here joins a transition table to a table
--     (a plan made for ten thousand rows would scan a whole table for one)
--     or to the other transition table (a plan made for one row would
--     compare every row with every other for ten thousand): keys go
--     through arrays, old and new rows are compared with EXCEPT, and a
--     lookup per row is a scalar subquery, which is never turned into a
--     join.
--
-- The BEFORE ROW checks (audit_log_no_update, profile_scores_fit,
-- profile_results_type_fits) stay as they are: they check each row, and
-- write nothing.

-- Portfolio pages (0006, 0007): a page whose blocks were added, changed,
-- moved or removed gets a new blocks_version and "last changed".
DROP TRIGGER page_blocks_touch_page ON page_blocks;
CREATE OR REPLACE FUNCTION touch_page() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pages bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        pages := ARRAY(SELECT DISTINCT page_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        pages := ARRAY(SELECT DISTINCT page_id FROM old_rows);
    ELSE
        pages := ARRAY(SELECT page_id FROM new_rows UNION SELECT page_id FROM old_rows);
    END IF;
    UPDATE portfolio_pages SET updated_at = now(), blocks_version = nextval('page_blocks_versions')
     WHERE id = ANY (pages);
    RETURN NULL;
END $$;
CREATE TRIGGER page_blocks_touch_page_insert AFTER INSERT ON page_blocks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_page();
CREATE TRIGGER page_blocks_touch_page_update AFTER UPDATE ON page_blocks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION touch_page();
CREATE TRIGGER page_blocks_touch_page_delete AFTER DELETE ON page_blocks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_page();

-- Evidence edited (0007): the pages showing it get a new blocks_version;
-- their "last changed" stays.
DROP TRIGGER evidence_touch_pages ON evidence;
CREATE OR REPLACE FUNCTION touch_pages_showing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pieces bigint[] := ARRAY(SELECT id FROM new_rows);
BEGIN
    UPDATE portfolio_pages SET blocks_version = nextval('page_blocks_versions')
     WHERE id IN (SELECT page_id FROM page_blocks WHERE evidence_id = ANY (pieces));
    RETURN NULL;
END $$;
CREATE TRIGGER evidence_touch_pages_update AFTER UPDATE ON evidence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_pages_showing();

-- Lists of posts (0008, 0009) and of plans (0010), for a set of people at
-- once: the functions for one person they replace were called only by
-- the per-row triggers dropped here.
DROP TRIGGER posts_touch_lists ON posts;
DROP TRIGGER users_touch_lists ON users;
DROP TRIGGER memberships_touch_lists ON memberships;
DROP TRIGGER plans_touch_lists ON plans;
DROP FUNCTION touch_post_lists(bigint);
DROP FUNCTION touch_plan_lists(bigint);

-- The blogs of authors (a blogs row made for an author without one) and
-- every cohort they are in get a new posts_version.
CREATE FUNCTION touch_post_lists(authors bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO blogs (owner_id, institution_id)
    SELECT id, institution_id FROM users WHERE id = ANY (authors)
    ON CONFLICT (owner_id) DO UPDATE SET posts_version = nextval('posts_versions');
    UPDATE cohorts SET posts_version = nextval('posts_versions')
     WHERE id IN (SELECT cohort_id FROM memberships WHERE user_id = ANY (authors));
END $$;

-- Every cohort people are in gets a new plans_version.
CREATE FUNCTION touch_plan_lists(people bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE cohorts SET plans_version = nextval('plans_versions')
     WHERE id IN (SELECT cohort_id FROM memberships WHERE user_id = ANY (people))
$$;

-- A post added, changed or removed: its author's lists of posts.
CREATE OR REPLACE FUNCTION posts_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    authors bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        authors := ARRAY(SELECT DISTINCT author_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        authors := ARRAY(SELECT DISTINCT author_id FROM old_rows);
    ELSE
        authors := ARRAY(SELECT author_id FROM new_rows UNION SELECT author_id FROM old_rows);
    END IF;
    PERFORM touch_post_lists(authors);
    RETURN NULL;
END $$;
CREATE TRIGGER posts_touch_lists_insert AFTER INSERT ON posts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posts_touch_lists();
CREATE TRIGGER posts_touch_lists_update AFTER UPDATE ON posts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION posts_touch_lists();
CREATE TRIGGER posts_touch_lists_delete AFTER DELETE ON posts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION posts_touch_lists();

-- A person's name, username or status changed: the lists of posts and of
-- plans that show them. (Most updates of users change none of these, the
-- unread count for one: those stop after one look at the rows.)
CREATE OR REPLACE FUNCTION users_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people bigint[] := ARRAY(SELECT id FROM (
        SELECT id, display_name, username, status FROM new_rows
        EXCEPT SELECT id, display_name, username, status FROM old_rows) changed);
BEGIN
    IF people <> '{}' THEN
        PERFORM touch_post_lists(people);
        PERFORM touch_plan_lists(people);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER users_touch_lists_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION users_touch_lists();

-- Members joining, leaving or moving: each cohort concerned gets a new
-- posts_version and plans_version (an import adds thousands to one
-- cohort in one statement: it is touched once).
CREATE OR REPLACE FUNCTION memberships_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed := ARRAY(SELECT DISTINCT cohort_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        changed := ARRAY(SELECT DISTINCT cohort_id FROM old_rows);
    ELSE
        changed := ARRAY(SELECT cohort_id FROM new_rows UNION SELECT cohort_id FROM old_rows);
    END IF;
    UPDATE cohorts SET posts_version = nextval('posts_versions'),
                       plans_version = nextval('plans_versions')
     WHERE id = ANY (changed);
    RETURN NULL;
END $$;
CREATE TRIGGER memberships_touch_lists_insert AFTER INSERT ON memberships
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION memberships_touch_lists();
CREATE TRIGGER memberships_touch_lists_update AFTER UPDATE ON memberships
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION memberships_touch_lists();
CREATE TRIGGER memberships_touch_lists_delete AFTER DELETE ON memberships
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION memberships_touch_lists();

-- A plan added, changed or removed: the lists of plans of its learner's
-- cohorts.
CREATE OR REPLACE FUNCTION plans_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    learners bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        learners := ARRAY(SELECT DISTINCT learner_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        learners := ARRAY(SELECT DISTINCT learner_id FROM old_rows);
    ELSE
        learners := ARRAY(SELECT learner_id FROM new_rows UNION SELECT learner_id FROM old_rows);
    END IF;
    PERFORM touch_plan_lists(learners);
    RETURN NULL;
END $$;
CREATE TRIGGER plans_touch_lists_insert AFTER INSERT ON plans
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plans_touch_lists();
CREATE TRIGGER plans_touch_lists_update AFTER UPDATE ON plans
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION plans_touch_lists();
CREATE TRIGGER plans_touch_lists_delete AFTER DELETE ON plans
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plans_touch_lists();

-- A plan's progress (0011): a status, review or comment given, changed or
-- removed gives the plan a new activity_version and "last changed" (and,
-- through plans_touch_lists, its lists a new plans_version).
DROP TRIGGER plan_goal_updates_touch ON plan_goal_updates;
DROP TRIGGER plan_reviews_touch ON plan_reviews;
DROP TRIGGER plan_comments_touch ON plan_comments;
CREATE OR REPLACE FUNCTION plan_activity_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed := ARRAY(SELECT DISTINCT plan_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        changed := ARRAY(SELECT DISTINCT plan_id FROM old_rows);
    ELSE
        changed := ARRAY(SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows);
    END IF;
    UPDATE plans SET activity_version = nextval('plan_activity_versions'), updated_at = now()
     WHERE id = ANY (changed);
    RETURN NULL;
END $$;
CREATE TRIGGER plan_goal_updates_touch_insert AFTER INSERT ON plan_goal_updates
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_goal_updates_touch_update AFTER UPDATE ON plan_goal_updates
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_goal_updates_touch_delete AFTER DELETE ON plan_goal_updates
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_reviews_touch_insert AFTER INSERT ON plan_reviews
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_reviews_touch_update AFTER UPDATE ON plan_reviews
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_reviews_touch_delete AFTER DELETE ON plan_reviews
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_comments_touch_insert AFTER INSERT ON plan_comments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_comments_touch_update AFTER UPDATE ON plan_comments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_comments_touch_delete AFTER DELETE ON plan_comments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_activity_touch();

-- Unread notifications (0012): each person's count moves by the unread
-- notifications they gained and lost in the statement, in one update
-- (marking 500 read is one update of the person, not 500). An UPDATE
-- that leaves unread what was unread (any column but read_at) moves
-- nothing, as the per-row trigger "UPDATE OF read_at" did.
DROP TRIGGER notifications_count_unread ON notifications;
CREATE OR REPLACE FUNCTION notifications_count_unread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people bigint[];
    changes int[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(user_id), array_agg(n) INTO people, changes
          FROM (SELECT user_id, count(*)::int AS n FROM new_rows WHERE read_at IS NULL
                 GROUP BY user_id) c;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(user_id), array_agg(n) INTO people, changes
          FROM (SELECT user_id, -count(*)::int AS n FROM old_rows WHERE read_at IS NULL
                 GROUP BY user_id) c;
    ELSE
        SELECT array_agg(user_id), array_agg(n) INTO people, changes
          FROM (SELECT user_id, sum(d)::int AS n
                  FROM (SELECT user_id, 1 AS d FROM new_rows WHERE read_at IS NULL
                        UNION ALL
                        SELECT user_id, -1 FROM old_rows WHERE read_at IS NULL) moves
                 GROUP BY user_id HAVING sum(d) <> 0) c;
    END IF;
    UPDATE users u SET unread_notifications = u.unread_notifications + c.n
      FROM unnest(people, changes) AS c(id, n)
     WHERE u.id = c.id;
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_count_unread_insert AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread();
CREATE TRIGGER notifications_count_unread_update AFTER UPDATE ON notifications
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread();
CREATE TRIGGER notifications_count_unread_delete AFTER DELETE ON notifications
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_count_unread();

-- Notifications emailed at once (0014): one outbox row for each new
-- notification whose active person wants its sort at once, in the order
-- the notifications were made.
DROP TRIGGER notifications_email ON notifications;
CREATE OR REPLACE FUNCTION notifications_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox (institution_id, user_id, category, subject, body, notification_id)
    SELECT n.institution_id, n.user_id, notification_category(n.kind), n.subject, n.subject, n.id
      FROM new_rows n
     WHERE notification_delivery(n.user_id, notification_category(n.kind)) = 'now'
       AND (SELECT status FROM users WHERE id = n.user_id) = 'active'
     ORDER BY n.id;
    RETURN NULL;
END $$;
CREATE TRIGGER notifications_email_insert AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_email();

-- Messages sent (0013): each thread moves to its newest message and
-- counts all the new ones; each sender has read up to their newest.
-- (Ids are given in the order rows are written, so the newest is the
-- greatest, which is the one the per-row trigger saw last.)
DROP TRIGGER messages_sent ON messages;
CREATE OR REPLACE FUNCTION messages_sent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    threads_sent bigint[];
    newest bigint[];
    newest_at timestamptz[];
    counts int[];
    read_threads bigint[];
    senders bigint[];
    read_to bigint[];
BEGIN
    SELECT array_agg(thread_id), array_agg(id), array_agg(created_at), array_agg(n)
      INTO threads_sent, newest, newest_at, counts
      FROM (SELECT DISTINCT ON (thread_id) thread_id, id, created_at,
                   count(*) OVER (PARTITION BY thread_id)::int AS n
              FROM new_rows ORDER BY thread_id, id DESC) t;
    UPDATE threads t SET last_message_id = s.id, last_message_at = s.created_at,
                         message_count = t.message_count + s.n
      FROM unnest(threads_sent, newest, newest_at, counts) AS s(thread_id, id, created_at, n)
     WHERE t.id = s.thread_id;
    SELECT array_agg(thread_id), array_agg(author_id), array_agg(id)
      INTO read_threads, senders, read_to
      FROM (SELECT thread_id, author_id, max(id) AS id FROM new_rows
             GROUP BY thread_id, author_id) r;
    UPDATE thread_members tm SET last_read_id = r.id
      FROM unnest(read_threads, senders, read_to) AS r(thread_id, user_id, id)
     WHERE tm.thread_id = r.thread_id AND tm.user_id = r.user_id;
    RETURN NULL;
END $$;
CREATE TRIGGER messages_sent_insert AFTER INSERT ON messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION messages_sent();

-- Personalised Leadership Plans (0015): anything written in a plan gives
-- it a new revision and "last changed". The tables with a plan_id share
-- leadership_touch; review actions and feedback invitations find their
-- plan through their review and round. (Invitations have no UPDATE
-- trigger, as before: an answer marks its invitation in the colleague's
-- own transaction, and the plan learns of it through its round.)
DROP TRIGGER profile_results_touch ON profile_results;
DROP TRIGGER leadership_goals_touch ON leadership_goals;
DROP TRIGGER leadership_activities_touch ON leadership_activities;
DROP TRIGGER leadership_reflections_touch ON leadership_reflections;
DROP TRIGGER leadership_evidence_touch ON leadership_evidence;
DROP TRIGGER leadership_shares_touch ON leadership_shares;
DROP TRIGGER leadership_reviews_touch ON leadership_reviews;
DROP TRIGGER leadership_review_actions_touch ON leadership_review_actions;
DROP TRIGGER feedback_rounds_touch ON feedback_rounds;
DROP TRIGGER feedback_invitations_touch ON feedback_invitations;

CREATE OR REPLACE FUNCTION leadership_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed := ARRAY(SELECT DISTINCT plan_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        changed := ARRAY(SELECT DISTINCT plan_id FROM old_rows);
    ELSE
        changed := ARRAY(SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows);
    END IF;
    UPDATE leadership_plans SET revision = nextval('leadership_revisions'), updated_at = now()
     WHERE id = ANY (changed);
    RETURN NULL;
END $$;

-- A review's actions: the plan of their review.
CREATE FUNCTION leadership_review_actions_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reviews bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        reviews := ARRAY(SELECT DISTINCT review_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        reviews := ARRAY(SELECT DISTINCT review_id FROM old_rows);
    ELSE
        reviews := ARRAY(SELECT review_id FROM new_rows UNION SELECT review_id FROM old_rows);
    END IF;
    UPDATE leadership_plans SET revision = nextval('leadership_revisions'), updated_at = now()
     WHERE id IN (SELECT plan_id FROM leadership_reviews WHERE id = ANY (reviews));
    RETURN NULL;
END $$;

-- Colleagues invited to, or taken off, a feedback round: the plan of the
-- round.
CREATE FUNCTION feedback_invitations_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rounds bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        rounds := ARRAY(SELECT DISTINCT round_id FROM new_rows);
    ELSE
        rounds := ARRAY(SELECT DISTINCT round_id FROM old_rows);
    END IF;
    UPDATE leadership_plans SET revision = nextval('leadership_revisions'), updated_at = now()
     WHERE id IN (SELECT plan_id FROM feedback_rounds WHERE id = ANY (rounds));
    RETURN NULL;
END $$;

CREATE TRIGGER profile_results_touch_insert AFTER INSERT ON profile_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER profile_results_touch_update AFTER UPDATE ON profile_results
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER profile_results_touch_delete AFTER DELETE ON profile_results
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_goals_touch_insert AFTER INSERT ON leadership_goals
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_goals_touch_update AFTER UPDATE ON leadership_goals
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_goals_touch_delete AFTER DELETE ON leadership_goals
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_activities_touch_insert AFTER INSERT ON leadership_activities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_activities_touch_update AFTER UPDATE ON leadership_activities
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_activities_touch_delete AFTER DELETE ON leadership_activities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_reflections_touch_insert AFTER INSERT ON leadership_reflections
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_reflections_touch_update AFTER UPDATE ON leadership_reflections
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_reflections_touch_delete AFTER DELETE ON leadership_reflections
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_evidence_touch_insert AFTER INSERT ON leadership_evidence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_evidence_touch_update AFTER UPDATE ON leadership_evidence
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_evidence_touch_delete AFTER DELETE ON leadership_evidence
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_shares_touch_insert AFTER INSERT ON leadership_shares
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_shares_touch_update AFTER UPDATE ON leadership_shares
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_shares_touch_delete AFTER DELETE ON leadership_shares
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_reviews_touch_insert AFTER INSERT ON leadership_reviews
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_reviews_touch_update AFTER UPDATE ON leadership_reviews
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_reviews_touch_delete AFTER DELETE ON leadership_reviews
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER feedback_rounds_touch_insert AFTER INSERT ON feedback_rounds
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER feedback_rounds_touch_update AFTER UPDATE ON feedback_rounds
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER feedback_rounds_touch_delete AFTER DELETE ON feedback_rounds
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leadership_touch();

CREATE TRIGGER leadership_review_actions_touch_insert AFTER INSERT ON leadership_review_actions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_review_actions_touch();
CREATE TRIGGER leadership_review_actions_touch_update AFTER UPDATE ON leadership_review_actions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_review_actions_touch();
CREATE TRIGGER leadership_review_actions_touch_delete AFTER DELETE ON leadership_review_actions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION leadership_review_actions_touch();

CREATE TRIGGER feedback_invitations_touch_insert AFTER INSERT ON feedback_invitations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_invitations_touch();
CREATE TRIGGER feedback_invitations_touch_delete AFTER DELETE ON feedback_invitations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_invitations_touch();

-- A change of line manager, name or department (0015): the plans of that
-- person get a new revision.
DROP TRIGGER users_touch_leadership ON users;
CREATE OR REPLACE FUNCTION users_touch_leadership() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people bigint[] := ARRAY(SELECT id FROM (
        SELECT id, line_manager_id, display_name, department FROM new_rows
        EXCEPT SELECT id, line_manager_id, display_name, department FROM old_rows) changed);
BEGIN
    IF people <> '{}' THEN
        UPDATE leadership_plans SET revision = nextval('leadership_revisions'), updated_at = now()
         WHERE owner_id = ANY (people);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER users_touch_leadership_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION users_touch_leadership();
