-- Student voice: polls run by cohorts' student representatives (and by
-- student-union officers for the whole college), and the "you said, we
-- did" board of issues raised with the college and its answers.
--
-- Anonymity is a property of the storage (README, "Student voice"):
--   poll_voters   the register: who voted in which poll, and on which day.
--   poll_ballots  one row a ballot: a random key, the poll, nothing else.
--   poll_choices  the options a ballot chose (with their rank, for ranked
--   poll_texts    questions) and its written answers, under the ballot's
--                 random key.
-- No ballot table has a user id, a sequence, or a time of any kind. The
-- vote writes the register and the ballot in one transaction (voice_cast),
-- so they share a transaction id and sit in insertion order for a few
-- seconds: voice_mix, run by `tandem mail` every pass, then rewrites the
-- new ballot rows in random order in one transaction of its own and adds
-- them to the tallies. Named (not anonymous) polls link a ballot to its
-- voter in poll_named, which anonymous polls never write.

-- How many must have voted before an anonymous poll's results show.
ALTER TABLE institutions ADD COLUMN voice_min_voters int NOT NULL DEFAULT 5
    CHECK (voice_min_voters BETWEEN 1 AND 1000);

-- A poll. opens_at NULL: a draft its creator is still writing. Once
-- opens_at has passed the poll is open and its settings (anonymity
-- above all) are fixed; it closes at closes_at, or earlier when its
-- creator closes it (closes_at is then set to that moment).
--   scope       'cohorts': the learners of poll_cohorts; 'college': everyone
--   visibility  who sees results when: 'live' the eligible at any time,
--               'voted' those who voted, 'closed' everyone once it closed
CREATE TABLE polls (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    created_by      bigint NOT NULL REFERENCES users(id),
    scope           text NOT NULL CHECK (scope IN ('cohorts', 'college')),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    anonymous       boolean NOT NULL,
    visibility      text NOT NULL CHECK (visibility IN ('live', 'voted', 'closed')),
    opens_at        timestamptz,
    closes_at       timestamptz NOT NULL,
    closed_early    boolean NOT NULL DEFAULT false,
    voters          int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (opens_at IS NULL OR closed_early OR closes_at > opens_at)
);
CREATE INDEX polls_created_by ON polls (created_by);
CREATE INDEX polls_institution ON polls (institution_id, closes_at DESC);

CREATE TABLE poll_cohorts (
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    cohort_id       bigint NOT NULL REFERENCES cohorts(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    PRIMARY KEY (poll_id, cohort_id)
);
CREATE INDEX poll_cohorts_cohort ON poll_cohorts (cohort_id);

-- A question: kind 'single' (one option), 'multiple' (min_choices to
-- max_choices options), 'rating' (one of five options, 1 to 5), 'ranked'
-- (the options in order of preference; the first min_choices at least)
-- or 'text' (a written answer of up to 2000 characters).
CREATE TABLE poll_questions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    position        int NOT NULL,
    kind            text NOT NULL
                    CHECK (kind IN ('single', 'multiple', 'rating', 'ranked', 'text')),
    prompt          text NOT NULL CHECK (length(prompt) BETWEEN 1 AND 500),
    required        boolean NOT NULL DEFAULT true,
    min_choices     int NOT NULL DEFAULT 1 CHECK (min_choices >= 0),
    max_choices     int NOT NULL DEFAULT 1 CHECK (max_choices >= min_choices AND max_choices >= 1),
    UNIQUE (poll_id, position)
);

-- An option of a question; votes is its tally of mixed ballots (for a
-- ranked question: the ballots that ranked it first).
CREATE TABLE poll_options (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id     bigint NOT NULL REFERENCES poll_questions(id) ON DELETE CASCADE,
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    position        int NOT NULL,
    label           text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    votes           int NOT NULL DEFAULT 0,
    UNIQUE (question_id, position)
);
CREATE INDEX poll_options_poll ON poll_options (poll_id);

-- The register: who voted. The primary key is what makes a second vote
-- impossible, from any number of tabs at once.
CREATE TABLE poll_voters (
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    voted_on        date NOT NULL DEFAULT current_date,
    PRIMARY KEY (poll_id, user_id)
);
CREATE INDEX poll_voters_user ON poll_voters (user_id);

-- Ballots and their answers: random keys, no user, no time. mixed is false
-- only until voice_mix has shuffled the row and counted it.
CREATE TABLE poll_ballots (
    ballot          uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    mixed           boolean NOT NULL DEFAULT false
);
CREATE INDEX poll_ballots_poll ON poll_ballots (poll_id);
CREATE INDEX poll_ballots_unmixed ON poll_ballots (poll_id) WHERE NOT mixed;

CREATE TABLE poll_choices (
    ballot          uuid NOT NULL,
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    question_id     bigint NOT NULL REFERENCES poll_questions(id) ON DELETE CASCADE,
    option_id       bigint NOT NULL REFERENCES poll_options(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    rank            smallint CHECK (rank BETWEEN 1 AND 20),
    mixed           boolean NOT NULL DEFAULT false
);
CREATE INDEX poll_choices_question ON poll_choices (question_id, ballot);
CREATE INDEX poll_choices_unmixed ON poll_choices (poll_id, question_id, option_id) WHERE NOT mixed;

CREATE TABLE poll_texts (
    ballot          uuid NOT NULL,
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    question_id     bigint NOT NULL REFERENCES poll_questions(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    mixed           boolean NOT NULL DEFAULT false
);
CREATE INDEX poll_texts_question ON poll_texts (poll_id, question_id, ballot);
CREATE INDEX poll_texts_unmixed ON poll_texts (poll_id) WHERE NOT mixed;

-- Named polls only: whose ballot is whose.
CREATE TABLE poll_named (
    ballot          uuid PRIMARY KEY,
    poll_id         bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES users(id)
);

-- The tallies of ranked questions: how many mixed ballots gave each
-- ranking (option ids, first preference first).
CREATE TABLE poll_rankings (
    question_id     bigint NOT NULL REFERENCES poll_questions(id) ON DELETE CASCADE,
    ranking         bigint[] NOT NULL,
    ballots         int NOT NULL,
    PRIMARY KEY (question_id, ranking)
);

-- Whether person may vote in poll p (learners of its cohorts; everyone at
-- the college for a college-wide poll).
CREATE FUNCTION poll_eligible(p polls, person bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p.scope = 'college' THEN
        RETURN EXISTS (SELECT 1 FROM users WHERE id = person
                          AND institution_id = p.institution_id AND status = 'active');
    END IF;
    RETURN EXISTS (SELECT 1 FROM poll_cohorts c JOIN memberships m ON m.cohort_id = c.cohort_id
                    WHERE c.poll_id = p.id AND m.user_id = person AND m.role = 'learner');
END $$;

-- Casts person's ballot in poll: choices (option ids) with ranks (NULL for
-- unranked questions), texts for text_questions. One statement, so one
-- transaction: the register row, the ballot and its answers, or nothing.
-- Returns 'voted', or why not: 'not_found' (no such poll for this person),
-- 'not_open', 'closed', 'twice', 'bad_option'. Options are checked to belong
-- to the poll here as well as by the caller.
CREATE FUNCTION voice_cast(poll bigint, person bigint, choices bigint[], ranks int[],
                           text_questions bigint[], texts text[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    p polls;
    key uuid := gen_random_uuid();
BEGIN
    -- The poll row is locked: a vote and closing it early do not cross.
    SELECT * INTO p FROM polls WHERE id = poll FOR UPDATE;
    IF NOT FOUND OR NOT poll_eligible(p, person) THEN
        RETURN 'not_found';
    ELSIF p.opens_at IS NULL OR p.opens_at > now() THEN
        RETURN 'not_open';
    ELSIF p.closes_at <= now() THEN
        RETURN 'closed';
    END IF;
    IF (SELECT count(*) FROM poll_options WHERE id = ANY (choices) AND poll_id = poll)
       <> cardinality(choices)
       OR (SELECT count(*) FROM poll_questions WHERE id = ANY (text_questions)
              AND poll_id = poll AND kind = 'text') <> cardinality(text_questions) THEN
        RETURN 'bad_option';
    END IF;
    INSERT INTO poll_voters (poll_id, user_id, institution_id)
    VALUES (poll, person, p.institution_id) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'twice';
    END IF;
    UPDATE polls SET voters = voters + 1 WHERE id = poll;
    INSERT INTO poll_ballots (ballot, poll_id, institution_id) VALUES (key, poll, p.institution_id);
    INSERT INTO poll_choices (ballot, poll_id, question_id, option_id, institution_id, rank)
    SELECT key, poll, o.question_id, o.id, p.institution_id, c.rank
      FROM unnest(choices, ranks) AS c(option_id, rank) JOIN poll_options o ON o.id = c.option_id;
    INSERT INTO poll_texts (ballot, poll_id, question_id, institution_id, body)
    SELECT key, poll, t.q, p.institution_id, t.body
      FROM unnest(text_questions, texts) AS t(q, body);
    IF NOT p.anonymous THEN
        INSERT INTO poll_named (ballot, poll_id, user_id) VALUES (key, poll, person);
    END IF;
    RETURN 'voted';
END $$;

-- Mixes the ballots cast since the last pass: every unmixed ballot row
-- (and answer) is deleted and written again in random order, in this one
-- transaction, so that neither their place in the table nor their
-- transaction id says which vote they came from; and their counts join
-- the tallies, which votes themselves never touch (a tally row rewritten
-- by each vote would carry that voter's transaction id). Returns the
-- ballots mixed. Run by `tandem mail` every pass (cgi-bin/core/mail.c).
CREATE FUNCTION voice_mix() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    n int;
BEGIN
    WITH gone AS (DELETE FROM poll_ballots WHERE NOT mixed RETURNING *)
    INSERT INTO poll_ballots (ballot, poll_id, institution_id, mixed)
    SELECT ballot, poll_id, institution_id, true FROM gone ORDER BY random();
    GET DIAGNOSTICS n = ROW_COUNT;
    -- One statement, so that what is counted is exactly what was moved.
    WITH gone AS (DELETE FROM poll_choices WHERE NOT mixed RETURNING *),
    back AS (
        INSERT INTO poll_choices (ballot, poll_id, question_id, option_id, institution_id, rank,
                                  mixed)
        SELECT ballot, poll_id, question_id, option_id, institution_id, rank, true
          FROM gone ORDER BY random()),
    tally AS (
        UPDATE poll_options o SET votes = o.votes + t.n
          FROM (SELECT option_id, count(*) AS n FROM gone
                 WHERE rank IS NULL OR rank = 1 GROUP BY option_id) t
         WHERE o.id = t.option_id)
    INSERT INTO poll_rankings (question_id, ranking, ballots)
    SELECT question_id, ranking, count(*)
      FROM (SELECT question_id, array_agg(option_id ORDER BY rank) AS ranking
              FROM gone WHERE rank IS NOT NULL GROUP BY question_id, ballot) r
     GROUP BY question_id, ranking
    ON CONFLICT (question_id, ranking)
    DO UPDATE SET ballots = poll_rankings.ballots + EXCLUDED.ballots;
    WITH gone AS (DELETE FROM poll_texts WHERE NOT mixed RETURNING *)
    INSERT INTO poll_texts (ballot, poll_id, question_id, institution_id, body, mixed)
    SELECT ballot, poll_id, question_id, institution_id, body, true FROM gone ORDER BY random();
    RETURN n;
END $$;

-- "You said, we did": an issue a representative raises with a member of
-- staff responsible for it, for a cohort (or, raised by a union officer,
-- for the whole college: cohort_id NULL), maybe from a poll's results.
-- Its status moves as the responsible person answers; every change is a
-- row of voice_issue_events. It is overdue when no decision (accepted,
-- not possible, done) has been given by due_on; overdue_told_on records
-- that the responsible person and their line manager were told.
CREATE TABLE voice_issues (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    cohort_id       bigint REFERENCES cohorts(id),
    poll_id         bigint REFERENCES polls(id),
    raised_by       bigint NOT NULL REFERENCES users(id),
    responsible_id  bigint NOT NULL REFERENCES users(id),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_md         text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 10000),
    body_html       text NOT NULL,
    status          text NOT NULL DEFAULT 'raised'
                    CHECK (status IN ('raised', 'received', 'considering', 'accepted',
                                      'not_possible', 'done')),
    due_on          date NOT NULL,
    overdue_told_on date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_issues_cohort ON voice_issues (cohort_id, updated_at DESC);
CREATE INDEX voice_issues_responsible ON voice_issues (responsible_id);
CREATE INDEX voice_issues_due ON voice_issues (due_on)
    WHERE status IN ('raised', 'received', 'considering') AND overdue_told_on IS NULL;

CREATE TABLE voice_issue_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id        bigint NOT NULL REFERENCES voice_issues(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    actor_id        bigint NOT NULL REFERENCES users(id),
    status          text NOT NULL,
    response_md     text NOT NULL DEFAULT '' CHECK (length(response_md) <= 10000),
    response_html   text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_issue_events_issue ON voice_issue_events (issue_id, id);

-- Tells the responsible person, and their line manager, of each issue
-- that went overdue, once. Returns how many issues. Run by `tandem mail`.
CREATE FUNCTION voice_notify_overdue() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    n int;
BEGIN
    WITH due AS (
        UPDATE voice_issues SET overdue_told_on = current_date
         WHERE status IN ('raised', 'received', 'considering') AND overdue_told_on IS NULL
           AND due_on < current_date
        RETURNING id, institution_id, responsible_id, title),
    told AS (
        INSERT INTO notifications (institution_id, user_id, actor_id, kind, subject, link)
        SELECT d.institution_id, x.person, NULL, 'voice_issue',
               left(x.prefix || d.title || '"', 300), '/voice/issues/' || d.id
          FROM due d JOIN users r ON r.id = d.responsible_id,
               LATERAL (VALUES (r.id, 'Overdue: your answer to "'),
                               (r.line_manager_id, 'Overdue: ' || r.display_name
                                                   || ' has not yet answered "')) x(person, prefix)
         WHERE x.person IS NOT NULL
        RETURNING 1)
    SELECT count(*) INTO n FROM due;
    RETURN n;
END $$;
