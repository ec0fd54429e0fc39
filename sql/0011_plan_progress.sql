-- Learning plans in use: goals that keep who they are from version to
-- version, course templates a plan starts from, progress on the goals in
-- force (a status and linked evidence), review meetings signed by both
-- sides, and comments that do not make a new version.

-- A goal's key names it across versions, so that its status and evidence
-- stay with it when an amendment reorders or rewords the goals. The form
-- carries each goal's key; a new goal is given a new one. Goals written
-- before keys existed are named by their place.
UPDATE plan_versions
   SET content = jsonb_set(content, '{goals}',
         (SELECT coalesce(jsonb_agg(e.g || jsonb_build_object('key', lpad(e.i::text, 12, '0'))
                                    ORDER BY e.i), '[]'::jsonb)
            FROM jsonb_array_elements(content->'goals') WITH ORDINALITY AS e(g, i)));

-- A course template: the common core of a cohort's plans, written by one
-- of its tutors. content is {"support", "goals": [...]} as in a version.
CREATE TABLE plan_templates (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    cohort_id       bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    content         jsonb NOT NULL,
    author_id       bigint NOT NULL REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_templates_cohort ON plan_templates (cohort_id);

-- A plan started from a template keeps the template as it was then as its
-- version 0 (never signed), so that what the learner made of it can be
-- compared with it like any two versions; started_from is its title.
ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_number_check,
    ADD CONSTRAINT plan_versions_number_check CHECK (number >= 0);
ALTER TABLE plans ADD COLUMN started_from text,
    ADD COLUMN template_id bigint REFERENCES plan_templates(id) ON DELETE SET NULL;

-- Progress on a goal: every change of status, with who made it and why;
-- the latest is where the goal stands.
CREATE TABLE plan_goal_updates (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    goal_key        text NOT NULL CHECK (goal_key ~ '^[0-9a-f]{12}$'),
    status          text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'achieved')),
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    author_id       bigint NOT NULL REFERENCES users(id),
    side            text NOT NULL CHECK (side IN ('learner', 'tutor')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_goal_updates_goal ON plan_goal_updates (plan_id, goal_key, id DESC);

-- Evidence the learner links to a goal: one of their pieces of evidence,
-- portfolio pages or blog posts. Readers see a link only to what they may
-- already see (the portfolio's and blog's own rules); linking shares
-- nothing.
CREATE TABLE plan_goal_links (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    goal_key        text NOT NULL CHECK (goal_key ~ '^[0-9a-f]{12}$'),
    evidence_id     bigint REFERENCES evidence(id) ON DELETE CASCADE,
    page_id         bigint REFERENCES portfolio_pages(id) ON DELETE CASCADE,
    post_id         bigint REFERENCES posts(id) ON DELETE CASCADE,
    added_by        bigint NOT NULL REFERENCES users(id),
    added_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(evidence_id, page_id, post_id) = 1),
    UNIQUE NULLS NOT DISTINCT (plan_id, goal_key, evidence_id, page_id, post_id)
);

-- A review meeting: when it was held, what was said, the next steps
-- agreed and when to meet again. Whoever records it signs it for their
-- side; the other side countersigns, and then it is agreed and fixed.
CREATE TABLE plan_reviews (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    held_on         date NOT NULL,
    notes           text NOT NULL CHECK (length(notes) BETWEEN 1 AND 10000),
    next_steps      text NOT NULL DEFAULT '' CHECK (length(next_steps) <= 5000),
    next_review     date CHECK (next_review > held_on),
    author_id       bigint NOT NULL REFERENCES users(id),
    learner_signed_by bigint REFERENCES users(id),
    learner_signed_at timestamptz,
    tutor_signed_by   bigint REFERENCES users(id),
    tutor_signed_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((learner_signed_by IS NULL) = (learner_signed_at IS NULL)),
    CHECK ((tutor_signed_by IS NULL) = (tutor_signed_at IS NULL)),
    CHECK (num_nonnulls(learner_signed_by, tutor_signed_by) >= 1)
);
CREATE INDEX plan_reviews_plan ON plan_reviews (plan_id, held_on DESC, id DESC);

-- Comments on a plan, about the version that was latest when written:
-- talk that needs no new version. Kept as written, like the versions.
CREATE TABLE plan_comments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    author_id       bigint NOT NULL REFERENCES users(id),
    side            text NOT NULL CHECK (side IN ('learner', 'tutor')),
    version         int NOT NULL,
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_comments_plan ON plan_comments (plan_id, id);

-- The summary of a plan's progress and its comments, on the plan's page,
-- are kept rendered in memory under its activity_version
-- (cgi-bin/core/fragment.c): a status, review or comment given gives the
-- plan a new one, and touching the plan row tells the lists of plans
-- (plans_touch_lists) that what they show may have changed. (Links to
-- evidence show only on the progress page, read afresh each time: who may
-- see each item changes with its own sharing.)
CREATE SEQUENCE plan_activity_versions;
ALTER TABLE plans ADD COLUMN activity_version bigint NOT NULL
    DEFAULT nextval('plan_activity_versions');

CREATE FUNCTION plan_activity_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE plans SET activity_version = nextval('plan_activity_versions'), updated_at = now()
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.plan_id ELSE NEW.plan_id END;
    RETURN NULL;
END $$;
CREATE TRIGGER plan_goal_updates_touch AFTER INSERT OR UPDATE OR DELETE ON plan_goal_updates
    FOR EACH ROW EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_reviews_touch AFTER INSERT OR UPDATE OR DELETE ON plan_reviews
    FOR EACH ROW EXECUTE FUNCTION plan_activity_touch();
CREATE TRIGGER plan_comments_touch AFTER INSERT OR UPDATE OR DELETE ON plan_comments
    FOR EACH ROW EXECUTE FUNCTION plan_activity_touch();
