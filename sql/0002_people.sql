-- People and their groups: profiles, courses, cohorts and memberships,
-- password-reset links, and the audit log.

ALTER TABLE users
    ADD COLUMN pronouns text NOT NULL DEFAULT '' CHECK (length(pronouns) <= 40),
    ADD COLUMN bio      text NOT NULL DEFAULT '' CHECK (length(bio) <= 2000);
CREATE INDEX users_line_manager ON users (line_manager_id);

-- Sessions get a plain id so that a person can end one from a list without
-- the page ever holding anything derived from its token.
ALTER TABLE sessions ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;

CREATE TABLE courses (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    code            text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (institution_id, code)
);

-- A cohort: a teaching group on a course in an academic year.
CREATE TABLE cohorts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    course_id       bigint NOT NULL REFERENCES courses(id),
    code            text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    academic_year   text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (institution_id, code)
);
CREATE INDEX cohorts_course ON cohorts (course_id);

-- A person's place in a cohort. A student representative is usually also a
-- learner in the same cohort: two rows.
CREATE TABLE memberships (
    cohort_id       bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    role            text NOT NULL CHECK (role IN ('learner', 'tutor', 'rep')),
    added_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- One-time password-reset links: only the token's hash is kept.
CREATE TABLE password_resets (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      text NOT NULL UNIQUE,
    user_id         bigint NOT NULL REFERENCES users(id),
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    created_by      bigint REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL DEFAULT now() + interval '24 hours',
    used_at         timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- Who did what, when, from where. Rows are written in the transaction of
-- the change they describe and can never be changed or removed: the
-- triggers below refuse it, even to the application's own database user.
CREATE TABLE audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint REFERENCES institutions(id),  -- NULL: not tied to a college
    at              timestamptz NOT NULL DEFAULT now(),
    actor_id        bigint REFERENCES users(id),          -- NULL: a visitor or the command line
    action          text NOT NULL,
    target_user_id  bigint REFERENCES users(id),
    detail          text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_institution_at ON audit_log (institution_id, at DESC);
CREATE INDEX audit_log_target ON audit_log (target_user_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
