-- make bench's blog data (scripts/bench.sh loads it into its own stack):
--   a cohort of 1,000 learners, Amira among them, who have written 100,000
--   posts between them (100 each, over the last two years), most shared
--   with their groups;
--   30 posts on Amira's own blog for her groups, so that a classmate's view
--   of her blog index is a full page of 20.
-- Bodies are a few sentences of plain words, as most learning logs are.
WITH inst AS (SELECT id FROM institutions WHERE slug = 'riverside'),
     course AS (SELECT id FROM courses WHERE code = 'BTEC-ENG-L3'),
     cohort AS (INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
                SELECT inst.id, course.id, 'BENCH-NET', 'Benchmark network', '2026/27'
                  FROM inst, course RETURNING id, institution_id),
     people AS (INSERT INTO users (institution_id, username, display_name, email)
                SELECT inst.id, 'bench' || n, 'Bench learner ' || n, 'bench' || n || '@riverside.example'
                  FROM inst, generate_series(1, 1000) n RETURNING id, institution_id)
INSERT INTO memberships (cohort_id, user_id, institution_id, role)
SELECT cohort.id, people.id, cohort.institution_id, 'learner' FROM cohort, people
UNION ALL
SELECT cohort.id, u.id, cohort.institution_id, 'learner'
  FROM cohort, users u WHERE u.username = 'amira';

INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                   body_text, tags, status, visibility, published_at)
SELECT u.institution_id, u.id, extract(year FROM t.at)::int, extract(month FROM t.at)::int,
       'week-' || n, 'Week ' || n || ' in the workshop',
       t.words, '<p>' || t.words || E'</p>\n', t.words || E'\n',
       ARRAY['week ' || (n % 10), 'workshop'], 'published',
       CASE WHEN n % 10 = 0 THEN 'private' WHEN n % 10 = 1 THEN 'public' ELSE 'cohort' END,
       t.at
  FROM users u, generate_series(1, 100) n,
       LATERAL (SELECT now() - (n * 7 + u.id % 7) * interval '1 day' AS at,
                       'This week I worked on task ' || n || ' with my group. What went well was '
                       || 'the planning; what I would change is how we tested it. Next week I '
                       || 'will try measuring twice before cutting, and ask for feedback sooner.'
                       AS words) t
 WHERE u.username LIKE 'bench%';

INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                   body_text, tags, status, visibility, published_at)
SELECT u.institution_id, u.id, extract(year FROM now())::int, extract(month FROM now())::int,
       'bench-' || n, 'Log entry ' || n,
       'A paragraph about what I did on day ' || n || ', what I learned, and what is next.',
       '<p>A paragraph about what I did on day ' || n || E', what I learned, and what is next.</p>\n',
       'A paragraph about what I did on day ' || n || E', what I learned, and what is next.\n',
       ARRAY['unit 6'], 'published', 'cohort', now() - n * interval '1 hour'
  FROM users u, generate_series(1, 30) n WHERE u.username = 'amira';

-- The triggers that keep lists current (sql/0008_blogs.sql) rewrote the cohort's
-- row once a post: clear the dead versions, as autovacuum would in time.
VACUUM ANALYZE;
