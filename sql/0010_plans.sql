-- Negotiated learning plans: a learner and their tutors write the plan
-- together, version by version, until both sign the same one.
--
-- state:
--   draft      written by one side, not yet shown to the other
--   proposed   a version waits for the other side (awaiting says who)
--   agreed     both signed agreed_version: the plan in force
--   amendment  agreed_version stays in force while a newer version waits
--   completed  finished; kept, no longer changed
--   withdrawn  abandoned; kept, no longer changed
CREATE TABLE plans (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    learner_id      bigint NOT NULL REFERENCES users(id),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    state           text NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft', 'proposed', 'agreed', 'amendment', 'completed',
                                     'withdrawn')),
    awaiting        text CHECK (awaiting IN ('learner', 'tutor')),
    latest_version  int NOT NULL DEFAULT 1,
    agreed_version  int,
    created_by      bigint NOT NULL REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_learner ON plans (learner_id);

-- Every version ever proposed, never changed afterwards (a draft's only
-- version is rewritten until it is first proposed). content is the whole
-- plan: {"learner_account", "tutor_account", "support",
--        "goals": [{"title", "criteria", "target", "activities", "assessment"}]}
CREATE TABLE plan_versions (
    plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number          int NOT NULL CHECK (number >= 1),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    author_id       bigint NOT NULL REFERENCES users(id),
    side            text NOT NULL CHECK (side IN ('learner', 'tutor')),
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    content         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, number)
);

-- Who signed which version: proposing a version signs it for one's side;
-- accepting signs it for the other. Agreed when both sides signed one.
CREATE TABLE plan_signatures (
    plan_id         bigint NOT NULL,
    number          int NOT NULL,
    side            text NOT NULL CHECK (side IN ('learner', 'tutor')),
    user_id         bigint NOT NULL REFERENCES users(id),
    signed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, number, side),
    FOREIGN KEY (plan_id, number) REFERENCES plan_versions (plan_id, number) ON DELETE CASCADE
);


-- Lists of plans (a tutor's, all their learners') are kept rendered in
-- memory under the plans_version of the cohorts they are about
-- (cgi-bin/core/fragment.c): a plan changing, a member joining or leaving,
-- or a learner's name changing gives each of the cohorts concerned a new
-- one.
CREATE SEQUENCE plans_versions;
ALTER TABLE cohorts ADD COLUMN plans_version bigint NOT NULL DEFAULT nextval('plans_versions');

CREATE FUNCTION touch_plan_lists(person bigint) RETURNS void LANGUAGE sql AS $$
    UPDATE cohorts SET plans_version = nextval('plans_versions')
     WHERE id IN (SELECT cohort_id FROM memberships WHERE user_id = person)
$$;

CREATE FUNCTION plans_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM touch_plan_lists(CASE WHEN TG_OP = 'DELETE' THEN OLD.learner_id ELSE NEW.learner_id END);
    RETURN NULL;
END $$;
CREATE TRIGGER plans_touch_lists AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION plans_touch_lists();

CREATE OR REPLACE FUNCTION memberships_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cohorts SET posts_version = nextval('posts_versions'),
                       plans_version = nextval('plans_versions')
     WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.cohort_id END,
                  CASE WHEN TG_OP <> 'DELETE' THEN NEW.cohort_id END);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION users_touch_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.display_name IS DISTINCT FROM OLD.display_name
       OR NEW.username IS DISTINCT FROM OLD.username
       OR NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM touch_post_lists(NEW.id);
        PERFORM touch_plan_lists(NEW.id);
    END IF;
    RETURN NULL;
END $$;
