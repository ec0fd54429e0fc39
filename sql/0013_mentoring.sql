-- Mentoring and private threads.
--
-- A mentorship joins a mentor and a mentee with a purpose they agreed,
-- from a start date to an optional end. Set up by an administrator or a
-- tutor of the mentee, it is active at once; asked for by the mentee, it
-- waits for the mentor to accept (or decline). Either ends it; its
-- threads stay readable to both.
--   requested  asked for by the mentee, waiting for the mentor
--   active     in force
--   declined   the mentor said no
--   ended      ended by either, or by its end date passing
CREATE TABLE mentorships (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    mentor_id       bigint NOT NULL REFERENCES users(id),
    mentee_id       bigint NOT NULL REFERENCES users(id),
    purpose         text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
    starts_on       date NOT NULL,
    ends_on         date CHECK (ends_on IS NULL OR ends_on >= starts_on),
    state           text NOT NULL CHECK (state IN ('requested', 'active', 'declined', 'ended')),
    set_up_by       bigint NOT NULL REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    answered_at     timestamptz,
    ended_at        timestamptz,
    ended_by        bigint REFERENCES users(id),
    CHECK (mentor_id <> mentee_id)
);
CREATE INDEX mentorships_mentor ON mentorships (mentor_id);
CREATE INDEX mentorships_mentee ON mentorships (mentee_id);
-- One live relationship between the same two people at a time.
CREATE UNIQUE INDEX mentorships_live ON mentorships (mentor_id, mentee_id)
    WHERE state IN ('requested', 'active');

-- Whether a mentorship is in force today.
CREATE FUNCTION mentorship_live(m mentorships) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT m.state = 'active' AND m.starts_on <= current_date
       AND (m.ends_on IS NULL OR m.ends_on >= current_date)
$$;

-- A mentor in force supports their mentee, as a tutor does: pages shared
-- with "tutors and mentors" reach them.
CREATE OR REPLACE FUNCTION supports(viewer bigint, learner bigint) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM memberships t
                     JOIN memberships l ON l.cohort_id = t.cohort_id
                    WHERE t.user_id = viewer AND t.role = 'tutor'
                      AND l.user_id = learner AND l.role = 'learner')
        OR EXISTS (SELECT 1 FROM mentorships m
                    WHERE m.mentor_id = viewer AND m.mentee_id = learner
                      AND mentorship_live(m));
END $$;

-- A private conversation: inside a mentorship, or directly between a
-- tutor and one of their learners (mentorship_id NULL). Only its members
-- read it. last_message_id names its newest message (0 for none), which
-- versions the rendered thread kept in memory (cgi-bin/core/fragment.c):
-- messages are never changed once sent.
CREATE TABLE threads (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    mentorship_id   bigint REFERENCES mentorships(id),
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    created_by      bigint NOT NULL REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_message_id bigint NOT NULL DEFAULT 0,
    last_message_at timestamptz NOT NULL DEFAULT now(),
    message_count   int NOT NULL DEFAULT 0
);
CREATE INDEX threads_mentorship ON threads (mentorship_id);

-- Who is in a thread, and the newest message each has read.
CREATE TABLE thread_members (
    thread_id       bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES users(id),
    last_read_id    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX thread_members_user ON thread_members (user_id, thread_id);

-- A message, in Markdown as written and as sanitised HTML, optionally
-- pointing at something of the sender's the other member may see: a
-- piece of evidence, a blog post, or a goal of a plan they share (its
-- title kept as it was when sent, its address built from the ids).
CREATE TABLE messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id       bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    author_id       bigint NOT NULL REFERENCES users(id),
    body_md         text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 20000),
    body_html       text NOT NULL,
    link_path       text CHECK (link_path ~ '^/[a-z]'),
    link_title      text CHECK (length(link_title) <= 300),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((link_path IS NULL) = (link_title IS NULL))
);
CREATE INDEX messages_thread ON messages (thread_id, id);

-- A message sent moves its thread to the top of its members' lists, and
-- counts as read by its sender.
CREATE FUNCTION messages_sent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE threads SET last_message_id = NEW.id, last_message_at = NEW.created_at,
                       message_count = message_count + 1
     WHERE id = NEW.thread_id;
    UPDATE thread_members SET last_read_id = NEW.id
     WHERE thread_id = NEW.thread_id AND user_id = NEW.author_id;
    RETURN NULL;
END $$;
CREATE TRIGGER messages_sent AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION messages_sent();

-- An administrator reading a thread for safeguarding: a separate action,
-- with a reason, recorded here and in the audit log, and told to the
-- thread's members.
CREATE TABLE thread_access (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id       bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    admin_id        bigint NOT NULL REFERENCES users(id),
    reason          text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
    created_at      timestamptz NOT NULL DEFAULT now()
);
