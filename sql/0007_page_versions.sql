-- Every change to what a page's blocks show gives the page a new
-- blocks_version: a block added, changed, moved or removed, or a piece of
-- evidence in it edited (a deleted piece takes its blocks with it). The
-- server keeps rendered blocks in memory under this version
-- (cgi-bin/core/fragment.c), so the page row alone tells it whether what
-- it holds is still true. A sequence, not a time: two changes in the same
-- microsecond still differ, and the clock going back changes nothing.
CREATE SEQUENCE page_blocks_versions;
ALTER TABLE portfolio_pages
    ADD COLUMN blocks_version bigint NOT NULL DEFAULT nextval('page_blocks_versions');

CREATE OR REPLACE FUNCTION touch_page() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE portfolio_pages SET updated_at = now(), blocks_version = nextval('page_blocks_versions')
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.page_id ELSE NEW.page_id END;
    RETURN NULL;
END $$;

-- The pages showing a piece of evidence show its new title, words, link or
-- file once it is edited. Their "last changed" stays: the page's owner did
-- not change the page.
CREATE FUNCTION touch_pages_showing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE portfolio_pages SET blocks_version = nextval('page_blocks_versions')
     WHERE id IN (SELECT page_id FROM page_blocks WHERE evidence_id = NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER evidence_touch_pages AFTER UPDATE ON evidence
    FOR EACH ROW EXECUTE FUNCTION touch_pages_showing();
