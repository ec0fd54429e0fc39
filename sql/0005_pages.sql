-- Portfolio pages: a titled, described page made of ordered blocks, each a
-- piece of the owner's evidence or a text of its own.

CREATE TABLE portfolio_pages (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution_id   bigint NOT NULL REFERENCES institutions(id),
    owner_id         bigint NOT NULL REFERENCES users(id),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description_md   text NOT NULL DEFAULT '',
    description_html text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portfolio_pages_owner ON portfolio_pages (owner_id, updated_at DESC);

-- position orders the blocks of a page; moving a block swaps two positions
-- in one statement, so the uniqueness is checked at the end of it.
CREATE TABLE page_blocks (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page_id         bigint NOT NULL REFERENCES portfolio_pages(id) ON DELETE CASCADE,
    institution_id  bigint NOT NULL REFERENCES institutions(id),
    position        integer NOT NULL,
    evidence_id     bigint REFERENCES evidence(id) ON DELETE CASCADE,
    text_md         text NOT NULL DEFAULT '',
    text_html       text NOT NULL DEFAULT '',
    UNIQUE (page_id, position) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX page_blocks_evidence ON page_blocks (evidence_id);
