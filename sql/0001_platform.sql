-- The platform: colleges (institutions), people, and their sessions.
-- Every tenant-owned table carries institution_id so that a college's rows
-- can later be sharded together.

CREATE TABLE institutions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    demo        boolean NOT NULL DEFAULT false,  -- part of the demo data set
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    email           text NOT NULL CHECK (length(email) <= 254),
    password_hash   text,            -- Argon2id string; NULL: cannot sign in
    roles           integer NOT NULL DEFAULT 1,  -- bit set, see cgi-bin/core/auth.h
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    line_manager_id bigint REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_institution ON users (institution_id);

-- Only a hash of each session token is stored: a copy of this table does
-- not let anyone sign in.
CREATE TABLE sessions (
    token_hash      text PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    csrf_token      text NOT NULL,
    user_agent      text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins, counted per account name and per address over a window.
-- Not tenant-owned: an attacker's guesses are not any college's data.
CREATE TABLE login_failures (
    username    text NOT NULL,
    address     text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
