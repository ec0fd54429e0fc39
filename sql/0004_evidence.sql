-- Portfolio evidence: what a learner collects to show their learning.
-- Files live in one table of blobs that every feature references.

CREATE TABLE files (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    owner_id        bigint NOT NULL REFERENCES users(id),
    filename        text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type    text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 127),
    size            bigint NOT NULL CHECK (size >= 0),
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes           bytea NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_owner ON files (owner_id);

-- One piece of evidence: a text written in Markdown, an uploaded file or a
-- link. Rich text is kept twice: as written (*_md) and rendered and
-- sanitised once on save (*_html), the only user HTML ever sent unescaped.
CREATE TABLE evidence (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    owner_id        bigint NOT NULL REFERENCES users(id),
    kind            text NOT NULL CHECK (kind IN ('text', 'file', 'link')),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_md         text NOT NULL DEFAULT '',
    body_html       text NOT NULL DEFAULT '',
    url             text CHECK (url IS NULL OR url ~ '^https?://'),
    file_id         bigint REFERENCES files(id),
    reflection_md   text NOT NULL DEFAULT '',
    reflection_html text NOT NULL DEFAULT '',
    tags            text[] NOT NULL DEFAULT '{}',
    happened_on     date,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'file') = (file_id IS NOT NULL)),
    CHECK ((kind = 'link') = (url IS NOT NULL))
);
CREATE INDEX evidence_owner ON evidence (owner_id, updated_at DESC);
CREATE INDEX evidence_tags ON evidence USING gin (tags);
