-- Personalised Leadership Plans: a middle manager's plan for an academic
-- year, modelled on the portfolio approach. A psychometric profile
-- (results of instruments the college defines), SMART development goals
-- linked to the results they respond to, development activities,
-- reflections, evidence from the portfolio, review meetings with the line
-- manager signed by both, and 360-degree feedback rounds whose answers
-- cannot be traced to who gave them.
--
-- Who reads a plan: its owner, their line manager (users.line_manager_id,
-- whoever it is now), and the people the owner shares it with. Senior
-- leaders see aggregates only (cgi-bin/pages/leadership_college.c).

-- A department names where a member of staff works, for the leadership
-- view's aggregates ("Engineering", "Learner services").
ALTER TABLE users ADD COLUMN department text NOT NULL DEFAULT ''
    CHECK (length(department) <= 100);

-- Development themes a goal is about, defined by the college's
-- administrators ("Leading change", "Coaching staff"): the leadership view
-- counts goals by theme.
CREATE TABLE leadership_themes (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    archived        boolean NOT NULL DEFAULT false,
    UNIQUE (institution_id, name)
);

-- A psychometric instrument the college uses. kind 'scales': each item is
-- a scale scored from scale_min to scale_max (a team-role inventory, a
-- strengths profile); 'type': each item is one of the types a result names
-- (a personality type indicator). feedback: colleagues can answer it in a
-- 360-degree round (scales only). Items are never deleted once results
-- use them; an archived instrument takes no new results.
CREATE TABLE instruments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    kind            text NOT NULL CHECK (kind IN ('scales', 'type')),
    description     text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    scale_min       int,
    scale_max       int,
    feedback        boolean NOT NULL DEFAULT false,
    archived        boolean NOT NULL DEFAULT false,
    created_by      bigint REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (institution_id, name),
    CHECK ((kind = 'scales') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)),
    CHECK (scale_min < scale_max AND scale_min >= 0 AND scale_max <= 1000),
    CHECK (NOT feedback OR kind = 'scales')
);

CREATE TABLE instrument_items (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instrument_id   bigint NOT NULL REFERENCES instruments(id),
    position        int NOT NULL,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    UNIQUE (instrument_id, position),
    UNIQUE (instrument_id, name)
);

-- A plan: one per person per academic year. carried_from: last year's
-- plan whose unfinished goals it started with. revision changes with
-- anything in the plan, so the plan's page can be kept rendered in memory
-- under it (cgi-bin/core/fragment.c); touching the row also tells the line
-- manager's overview.
CREATE SEQUENCE leadership_revisions;
CREATE TABLE leadership_plans (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    owner_id        bigint NOT NULL REFERENCES users(id),
    academic_year   text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    aspiration      text NOT NULL DEFAULT '' CHECK (length(aspiration) <= 2000),
    carried_from    bigint REFERENCES leadership_plans(id),
    revision        bigint NOT NULL DEFAULT nextval('leadership_revisions'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, academic_year)
);
CREATE INDEX leadership_plans_institution ON leadership_plans (institution_id, academic_year);

-- Others the owner chose to let read the plan (a coach, a mentor).
CREATE TABLE leadership_shares (
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    added_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, user_id)
);
CREATE INDEX leadership_shares_user ON leadership_shares (user_id);

-- Whether viewer may read plan: its owner, the owner's line manager, or
-- someone it is shared with. Inlined by the planner (plain SQL, STABLE).
CREATE FUNCTION leadership_reader(plan bigint, viewer bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM leadership_plans p JOIN users o ON o.id = p.owner_id
                    WHERE p.id = plan AND (p.owner_id = viewer OR o.line_manager_id = viewer))
        OR EXISTS (SELECT 1 FROM leadership_shares s WHERE s.plan_id = plan AND s.user_id = viewer)
$$;

-- A result on the profile: an instrument taken on a date, each scale's
-- score (profile_scores) or the type it gave (type_item_id), notes and
-- the report it came with. source 'feedback': the aggregate of a closed
-- 360-degree round (means of at least three answers).
CREATE TABLE profile_results (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    instrument_id   bigint NOT NULL REFERENCES instruments(id),
    taken_on        date NOT NULL,
    type_item_id    bigint REFERENCES instrument_items(id),
    notes           text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    report_file_id  bigint REFERENCES files(id),
    source          text NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'feedback')),
    answers         int,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX profile_results_plan ON profile_results (plan_id, taken_on DESC);

CREATE TABLE profile_scores (
    result_id       bigint NOT NULL REFERENCES profile_results(id) ON DELETE CASCADE,
    item_id         bigint NOT NULL REFERENCES instrument_items(id),
    score           numeric(7, 2) NOT NULL,
    PRIMARY KEY (result_id, item_id)
);

-- The database's own check that a score belongs to its result's
-- instrument and lies on its scale, and a type is one of its types (the
-- forms say so first, in words).
CREATE FUNCTION profile_score_fits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM profile_results r JOIN instruments i ON i.id = r.instrument_id
                     JOIN instrument_items it ON it.instrument_id = i.id AND it.id = NEW.item_id
                    WHERE r.id = NEW.result_id AND i.kind = 'scales'
                      AND NEW.score BETWEEN i.scale_min AND i.scale_max) THEN
        RAISE EXCEPTION 'score outside its instrument''s scale' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER profile_scores_fit BEFORE INSERT OR UPDATE ON profile_scores
    FOR EACH ROW EXECUTE FUNCTION profile_score_fits();

CREATE FUNCTION profile_type_fits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.type_item_id IS NULL) <> (SELECT kind = 'scales' FROM instruments
                                        WHERE id = NEW.instrument_id)
       OR (NEW.type_item_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM instrument_items
             WHERE id = NEW.type_item_id AND instrument_id = NEW.instrument_id)) THEN
        RAISE EXCEPTION 'type not of its instrument' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER profile_results_type_fits BEFORE INSERT OR UPDATE ON profile_results
    FOR EACH ROW EXECUTE FUNCTION profile_type_fits();

-- A development goal in SMART form. due_on is its time-bound part.
-- carried_from: the unfinished goal of last year's plan it continues.
CREATE TABLE leadership_goals (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    specific        text NOT NULL CHECK (length(specific) BETWEEN 1 AND 2000),
    measurable      text NOT NULL CHECK (length(measurable) BETWEEN 1 AND 2000),
    achievable      text NOT NULL CHECK (length(achievable) BETWEEN 1 AND 2000),
    relevant        text NOT NULL CHECK (length(relevant) BETWEEN 1 AND 2000),
    due_on          date NOT NULL,
    theme_id        bigint REFERENCES leadership_themes(id),
    status          text NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'in_progress', 'achieved', 'dropped')),
    carried_from    bigint REFERENCES leadership_goals(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leadership_goals_plan ON leadership_goals (plan_id, due_on);

-- The profile results a goal responds to.
CREATE TABLE leadership_goal_results (
    goal_id         bigint NOT NULL REFERENCES leadership_goals(id) ON DELETE CASCADE,
    result_id       bigint NOT NULL REFERENCES profile_results(id) ON DELETE CASCADE,
    PRIMARY KEY (goal_id, result_id)
);
CREATE INDEX leadership_goal_results_result ON leadership_goal_results (result_id);

CREATE TABLE leadership_activities (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    goal_id         bigint REFERENCES leadership_goals(id) ON DELETE SET NULL,
    kind            text NOT NULL CHECK (kind IN ('course', 'coaching', 'shadowing', 'project',
                                                  'reading', 'other')),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    details         text NOT NULL DEFAULT '' CHECK (length(details) <= 2000),
    status          text NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    starts_on       date,
    ends_on         date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX leadership_activities_plan ON leadership_activities (plan_id);

-- A dated reflection, written in Markdown and kept sanitised as HTML
-- (cgi-bin/core/richtext.c), on the plan, a goal or an activity.
CREATE TABLE leadership_reflections (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    goal_id         bigint REFERENCES leadership_goals(id) ON DELETE SET NULL,
    activity_id     bigint REFERENCES leadership_activities(id) ON DELETE SET NULL,
    written_on      date NOT NULL,
    body_md         text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 20000),
    body_html       text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leadership_reflections_plan ON leadership_reflections (plan_id, written_on DESC);

-- Evidence from the owner's portfolio put in the plan, for a goal or the
-- plan as a whole: the plan's readers see it there (evidence_visible).
CREATE TABLE leadership_evidence (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    goal_id         bigint REFERENCES leadership_goals(id) ON DELETE CASCADE,
    evidence_id     bigint NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    added_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX leadership_evidence_once
    ON leadership_evidence (plan_id, coalesce(goal_id, 0), evidence_id);
CREATE INDEX leadership_evidence_evidence ON leadership_evidence (evidence_id);

-- A review meeting with the line manager. Recorded by either of the two
-- and signed by its author at once; once the other signs too it no longer
-- changes. manager_id: the line manager who held it.
CREATE TABLE leadership_reviews (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id             bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id      bigint NOT NULL REFERENCES institutions(id),
    held_on             date NOT NULL,
    agenda              text NOT NULL CHECK (length(agenda) BETWEEN 1 AND 4000),
    notes_md            text NOT NULL CHECK (length(notes_md) BETWEEN 1 AND 20000),
    notes_html          text NOT NULL,
    next_review         date,
    author_id           bigint NOT NULL REFERENCES users(id),
    manager_id          bigint NOT NULL REFERENCES users(id),
    owner_signed_at     timestamptz,
    manager_signed_at   timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leadership_reviews_plan ON leadership_reviews (plan_id, held_on DESC);

-- The actions a review agreed: what, who does it (the owner or the line
-- manager), by when; done_at once done.
CREATE TABLE leadership_review_actions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    review_id       bigint NOT NULL REFERENCES leadership_reviews(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    position        int NOT NULL,
    description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    owner_id        bigint NOT NULL REFERENCES users(id),
    due_on          date NOT NULL,
    done_at         timestamptz,
    UNIQUE (review_id, position)
);

-- A 360-degree feedback round: colleagues the owner invited answer one of
-- the college's feedback instruments about them.
CREATE TABLE feedback_rounds (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         bigint NOT NULL REFERENCES leadership_plans(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    instrument_id   bigint NOT NULL REFERENCES instruments(id),
    prompt          text NOT NULL DEFAULT '' CHECK (length(prompt) <= 2000),
    answer_count    int NOT NULL DEFAULT 0,
    opened_at       timestamptz NOT NULL DEFAULT now(),
    closed_at       timestamptz
);
CREATE INDEX feedback_rounds_plan ON feedback_rounds (plan_id);

-- The register: who was asked, and whether they answered. It never says
-- which answer is theirs.
CREATE TABLE feedback_invitations (
    round_id        bigint NOT NULL REFERENCES feedback_rounds(id) ON DELETE CASCADE,
    invitee_id      bigint NOT NULL REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    answered        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (round_id, invitee_id)
);
CREATE INDEX feedback_invitations_invitee ON feedback_invitations (invitee_id);

-- The answers, apart from the register: no person, no time, a random key,
-- scores in the order of the instrument's items. Every new answer
-- rewrites all of its round's answers in a random order with new keys in
-- the same transaction (cgi-bin/pages/leadership_feedback.c), so that no
-- row's position, key or transaction id (xmin) tells which came last, and
-- so whose it is. README.md ("360-degree feedback") says what this does
-- not protect against.
CREATE TABLE feedback_answers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id        bigint NOT NULL REFERENCES feedback_rounds(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    scores          numeric(7, 2)[] NOT NULL,
    comment         text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000)
);
CREATE INDEX feedback_answers_round ON feedback_answers (round_id);

-- Next year's plan starts from this year's unfinished goals: each goal
-- not achieved or dropped is carried into plan to_plan (carried_from names
-- it), with the profile results it responds to copied along, so that the
-- new plan holds everything it shows.
CREATE FUNCTION leadership_carry(from_plan bigint, to_plan bigint) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    old_result record;
    new_result bigint;
    carried int;
BEGIN
    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, theme_id, status, carried_from)
    SELECT to_plan, g.institution_id, g.title, g.specific, g.measurable, g.achievable, g.relevant,
           greatest(g.due_on, current_date), g.theme_id, g.status, g.id
      FROM leadership_goals g
     WHERE g.plan_id = from_plan AND g.status IN ('not_started', 'in_progress')
     ORDER BY g.due_on, g.id;
    GET DIAGNOSTICS carried = ROW_COUNT;
    FOR old_result IN SELECT DISTINCT r.* FROM profile_results r
                        JOIN leadership_goal_results gr ON gr.result_id = r.id
                        JOIN leadership_goals g ON g.carried_from = gr.goal_id
                       WHERE g.plan_id = to_plan LOOP
        INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on, type_item_id,
                                     notes, report_file_id, source, answers)
        VALUES (to_plan, old_result.institution_id, old_result.instrument_id, old_result.taken_on,
                old_result.type_item_id, old_result.notes, old_result.report_file_id,
                old_result.source, old_result.answers)
        RETURNING id INTO new_result;
        INSERT INTO profile_scores (result_id, item_id, score)
        SELECT new_result, item_id, score FROM profile_scores WHERE result_id = old_result.id;
        INSERT INTO leadership_goal_results (goal_id, result_id)
        SELECT g.id, new_result FROM leadership_goals g
          JOIN leadership_goal_results gr ON gr.goal_id = g.carried_from
         WHERE g.plan_id = to_plan AND gr.result_id = old_result.id;
    END LOOP;
    RETURN carried;
END $$;

-- Anything written in a plan gives it a new revision.
CREATE FUNCTION leadership_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_plan bigint;
BEGIN
    IF TG_TABLE_NAME = 'leadership_review_actions' THEN
        SELECT plan_id INTO row_plan FROM leadership_reviews
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.review_id ELSE NEW.review_id END;
    ELSIF TG_TABLE_NAME = 'feedback_invitations' THEN
        SELECT plan_id INTO row_plan FROM feedback_rounds
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
    ELSIF TG_OP = 'DELETE' THEN
        row_plan := OLD.plan_id;
    ELSE
        row_plan := NEW.plan_id;
    END IF;
    UPDATE leadership_plans SET revision = nextval('leadership_revisions'), updated_at = now()
     WHERE id = row_plan;
    RETURN NULL;
END $$;
CREATE TRIGGER profile_results_touch AFTER INSERT OR UPDATE OR DELETE ON profile_results
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_goals_touch AFTER INSERT OR UPDATE OR DELETE ON leadership_goals
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_activities_touch AFTER INSERT OR UPDATE OR DELETE
    ON leadership_activities FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_reflections_touch AFTER INSERT OR UPDATE OR DELETE
    ON leadership_reflections FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_evidence_touch AFTER INSERT OR UPDATE OR DELETE ON leadership_evidence
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_shares_touch AFTER INSERT OR UPDATE OR DELETE ON leadership_shares
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_reviews_touch AFTER INSERT OR UPDATE OR DELETE ON leadership_reviews
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER leadership_review_actions_touch AFTER INSERT OR UPDATE OR DELETE
    ON leadership_review_actions FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER feedback_rounds_touch AFTER INSERT OR UPDATE OR DELETE ON feedback_rounds
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();
CREATE TRIGGER feedback_invitations_touch AFTER INSERT OR DELETE ON feedback_invitations
    FOR EACH ROW EXECUTE FUNCTION leadership_touch();

-- A change of line manager or name changes who reads a plan and what the
-- overviews show: the plans of that person get a new revision.
CREATE FUNCTION users_touch_leadership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.line_manager_id IS DISTINCT FROM OLD.line_manager_id
       OR NEW.display_name <> OLD.display_name OR NEW.department <> OLD.department THEN
        UPDATE leadership_plans SET revision = nextval('leadership_revisions'), updated_at = now()
         WHERE owner_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER users_touch_leadership AFTER UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_touch_leadership();

-- Evidence and files put in a leadership plan, or a result's report, are
-- seen by the plan's readers, besides the portfolio's own rules.
CREATE OR REPLACE FUNCTION evidence_visible(piece bigint, viewer bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    page bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM evidence WHERE id = piece AND owner_id = viewer)
       OR EXISTS (SELECT 1 FROM leadership_evidence le
                   WHERE le.evidence_id = piece AND leadership_reader(le.plan_id, viewer)) THEN
        RETURN true;
    END IF;
    FOR page IN SELECT DISTINCT page_id FROM page_blocks WHERE evidence_id = piece LOOP
        IF page_visible(page, viewer, NULL) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

CREATE OR REPLACE FUNCTION file_visible(file bigint, viewer bigint, link text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    page bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM files f WHERE f.id = file AND f.owner_id = viewer)
       OR EXISTS (SELECT 1 FROM submission_files sf JOIN submissions s ON s.id = sf.submission_id
                   WHERE sf.file_id = file AND s.tutor_id = viewer)
       OR EXISTS (SELECT 1 FROM profile_results pr
                   WHERE pr.report_file_id = file AND leadership_reader(pr.plan_id, viewer))
       OR EXISTS (SELECT 1 FROM evidence e JOIN leadership_evidence le ON le.evidence_id = e.id
                   WHERE e.file_id = file AND leadership_reader(le.plan_id, viewer)) THEN
        RETURN true;
    END IF;
    FOR page IN SELECT DISTINCT b.page_id FROM evidence e JOIN page_blocks b ON b.evidence_id = e.id
                 WHERE e.file_id = file LOOP
        IF page_visible(page, viewer, link) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;
