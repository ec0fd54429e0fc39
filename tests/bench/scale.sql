-- A second college as large as a big one gets, beside the demo ones, so
-- that the bench shows the first college's pages keeping their speed
-- whatever else the database holds (issue 18: within 10%):
--   Scale College: 10,000 learners in 400 cohorts of 25, on 20 courses;
--   1,000,000 posts, 100 by each learner, one a minute over the last two
--   years (the newest a minute old, so they are interleaved with
--   Riverside's), 2% drafts, and of the rest 10% private, 20% public, 20%
--   for the college and half for the author's groups;
--   in the same words as Riverside's bench posts (tests/bench/blogs.sql)
--   and demo posts, so a search at Riverside has matches here too.
-- Loaded with triggers off (session_replication_role): the per-row
-- triggers that keep lists current (sql/0008_blogs.sql) have nothing to do
-- for a college nobody has looked at, and would make the load take many
-- minutes. The search words (posts.search) are a generated column.
SET session_replication_role = replica;
SET work_mem = '256MB';

INSERT INTO institutions (slug, name) VALUES ('scale', 'Scale College');

INSERT INTO courses (institution_id, code, title)
SELECT i.id, 'SCALE-' || n, 'Scale course ' || n
  FROM institutions i, generate_series(1, 20) n WHERE i.slug = 'scale';

INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
SELECT c.institution_id, c.id, 'SCALE-' || n, 'Scale group ' || n, '2026/27'
  FROM generate_series(1, 400) n
  JOIN courses c ON c.code = 'SCALE-' || (n % 20 + 1)
  JOIN institutions i ON i.id = c.institution_id AND i.slug = 'scale';

-- Learner n is in group n % 400 + 1.
INSERT INTO users (institution_id, username, display_name, email)
SELECT i.id, 'scale' || n, 'Scale learner ' || n, 'scale' || n || '@scale.example'
  FROM institutions i, generate_series(1, 10000) n WHERE i.slug = 'scale';

INSERT INTO memberships (cohort_id, user_id, institution_id, role)
SELECT c.id, u.id, u.institution_id, 'learner'
  FROM users u
  JOIN cohorts c ON c.institution_id = u.institution_id
   AND c.code = 'SCALE-' || (substr(u.username, 6)::int % 400 + 1)
 WHERE u.username ~ '^scale[0-9]+$';

-- Post n of learner k (1..10000) appeared (n - 1) * 10000 + k minutes ago.
INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                   body_text, tags, status, visibility, published_at)
SELECT u.institution_id, u.id, extract(year FROM t.at)::int, extract(month FROM t.at)::int,
       'week-' || n, 'Week ' || n || ': ' || t.topic, t.words, '<p>' || t.words || E'</p>\n',
       t.words || E'\n', ARRAY['week ' || (n % 10), 'workshop'],
       CASE WHEN (n + k) % 50 = 0 THEN 'draft' ELSE 'published' END,
       CASE WHEN (n + k) % 10 = 1 THEN 'private' WHEN (n + k) % 10 IN (2, 3) THEN 'public'
            WHEN (n + k) % 10 IN (4, 5) THEN 'institution' ELSE 'cohort' END,
       CASE WHEN (n + k) % 50 <> 0 THEN t.at END
  FROM users u
 CROSS JOIN LATERAL (SELECT substr(u.username, 6)::int AS k) uk
 CROSS JOIN generate_series(1, 100) n
 CROSS JOIN LATERAL (
       SELECT now() - ((n - 1) * 10000 + k) * interval '1 minute' AS at,
              (ARRAY['the gearbox', 'welding', 'the robot arm', 'our memory experiment',
                     'the bracket design', 'measuring twice'])[(n + k) % 6 + 1] AS topic,
              'This week I worked on task ' || n || ' with my group: '
              || (ARRAY['the gearbox backlash', 'welding butt joints', 'the robot arm base',
                        'our memory experiment', 'the bracket design', 'measuring twice'])[(n + k) % 6 + 1]
              || '. What went well was the planning; what I would change is how we tested it.'
              || ' Next week I will ask for feedback sooner.' AS words) t
 WHERE u.username ~ '^scale[0-9]+$';

RESET session_replication_role;
RESET work_mem;
-- Hint bits and the visibility map written now, and statistics for the
-- planner, as autovacuum would in time.
VACUUM ANALYZE institutions, courses, cohorts, users, memberships, posts;
