-- Blogs read one college at a time: the lists and searches across blogs
-- walk indexes that lead with the college, so a college's pages read its
-- own rows only, however many other colleges share the database.
-- (Who reads which post is readable_posts in sql/policy.sql.)

-- A GIN index that leads with a bigint needs btree_gin's operator classes
-- (PostgreSQL's contrib; a trusted extension, so the database's owner may
-- create it).
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- What people share across blogs, newest first, a college at a time: the
-- signed-in home (its cohorts' posts) and a cohort's page walk it until
-- they have enough. It replaces posts_shared, which walked every college.
CREATE INDEX posts_college_shared ON posts (institution_id, published_at DESC, id DESC)
    WHERE status = 'published' AND visibility <> 'private';
DROP INDEX posts_shared;

-- Words, a college at a time: a signed-in person's search across blogs
-- (their college's). A visitor's search is of public posts only, of every
-- college: the second index holds just those. Together they replace
-- posts_search, which held every post of every college.
CREATE INDEX posts_college_search ON posts USING gin (institution_id, search);
CREATE INDEX posts_public_search ON posts USING gin (search)
    WHERE status = 'published' AND visibility = 'public';
DROP INDEX posts_search;

-- The rule of who reads a blog now stands once, in sql/policy.sql
-- (post_audiences, readable_posts); these PL/pgSQL copies of it
-- (sql/0008_blogs.sql) are called by nothing any more. post_visible, which
-- other pages still call, is redefined there on top of readable_posts.
DROP FUNCTION blog_audience(bigint, bigint);
DROP FUNCTION share_a_cohort(bigint, bigint);
