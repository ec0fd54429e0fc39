-- One-time keys of the forms that make things (cgi-bin/core/once.c): a form
-- sent twice (Back and send again, a second click while the first is on
-- its way) takes effect once, and the second sending is shown where the
-- first led. A key is claimed as its form arrives, given the address the
-- form led to when it succeeded, and freed when it was refused (so the same
-- page can be corrected and sent again).
CREATE TABLE form_keys (
    key_hash   text PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    location   text CHECK (location LIKE '/%'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX form_keys_created ON form_keys (created_at);
