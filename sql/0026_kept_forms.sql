-- What someone typed into a form that arrived after their session had
-- ended (cgi-bin/pages/kept_form.c): kept for the person whose session it
-- was, in the browser that sent it (a cookie holds the key; only its hash
-- is here), for an hour, so that signing in again leads back to it rather
-- than to "repeat what you did". Never files: the page asks for them again.
CREATE TABLE kept_forms (
    token_hash     text PRIMARY KEY,
    user_id        bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    institution_id bigint NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
    path           text NOT NULL CHECK (path LIKE '/%' AND length(path) <= 500),
    fields         jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
    had_file       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kept_forms_created ON kept_forms (created_at);
