-- Sign-in throttling that keeps a campus working (OWASP's "blocking brute
-- force attacks"): failed sign-ins slow an account down by growing delays
-- rather than lock it, and a browser that has signed in as a person before
-- carries a device cookie, whose failures are counted apart from everyone
-- else's. A student typing wrong passwords for their tutor's username slows
-- down only the browsers that have never signed in as the tutor.

-- A browser (by the hash of its device cookie) that has signed in as
-- user_id: one row a person it has signed in as.
CREATE TABLE sign_in_devices (
    token_hash     text NOT NULL,
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    institution_id bigint NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (token_hash, user_id)
);
CREATE INDEX sign_in_devices_user ON sign_in_devices (institution_id, user_id);
CREATE INDEX sign_in_devices_unused ON sign_in_devices (last_used_at);

-- The device a failure came from, when it was one trusted for the name
-- tried; NULL for every other browser, whose failures count together.
ALTER TABLE login_failures ADD COLUMN device_hash text;
CREATE INDEX login_failures_at ON login_failures (at);
