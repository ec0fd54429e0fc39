-- make bench's plan data (scripts/bench.sh loads it): Priya tutors a cohort
-- of 200 learners, each with a plan she was proposed (three goals each);
-- half of them she agreed, and they are in use (a status on each goal, a
-- review). Amira has a plan of 30 goals, agreed at its second version, in
-- use: every goal with a status, a page linked to each of ten, three
-- reviews, ten comments.
WITH cohort AS (INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
                SELECT c.institution_id, c.id, 'BENCH-PLANS', 'Benchmark plans', '2026/27'
                  FROM courses c WHERE c.code = 'BTEC-ENG-L3' RETURNING id, institution_id),
     people AS (INSERT INTO users (institution_id, username, display_name, email)
                SELECT cohort.institution_id, 'planner' || n, 'Plan learner ' || n,
                       'planner' || n || '@riverside.example'
                  FROM cohort, generate_series(1, 200) n RETURNING id, institution_id)
INSERT INTO memberships (cohort_id, user_id, institution_id, role)
SELECT cohort.id, people.id, cohort.institution_id, 'learner' FROM cohort, people
UNION ALL
SELECT cohort.id, u.id, cohort.institution_id, 'tutor' FROM cohort, users u WHERE u.username = 'priya';

CREATE FUNCTION pg_temp.goals(n int) RETURNS jsonb LANGUAGE sql AS $$
    SELECT jsonb_agg(jsonb_build_object(
             'title', 'Goal ' || i || ': get better at part ' || i || ' of the course',
             'criteria', 'A merit on the assignment for part ' || i,
             'target', to_char(current_date + 30 * i, 'YYYY-MM-DD'),
             'activities', 'Weekly practice, a session with my tutor, and feedback from my group',
             'assessment', 'Portfolio page', 'key', lpad(i::text, 12, '0')) ORDER BY i)
      FROM generate_series(1, n) i
$$;

WITH p AS (INSERT INTO plans (institution_id, learner_id, title, state, awaiting, created_by)
           SELECT institution_id, id, 'My plan for the year', 'proposed', 'tutor', id
             FROM users WHERE username LIKE 'planner%' RETURNING id, institution_id, learner_id),
     v AS (INSERT INTO plan_versions (plan_id, number, institution_id, author_id, side, content)
           SELECT p.id, 1, p.institution_id, p.learner_id, 'learner',
                  jsonb_build_object('learner_account', 'What I am good at, and what I find hard.',
                                     'tutor_account', '', 'support', '', 'goals', pg_temp.goals(3))
             FROM p RETURNING plan_id, number, author_id)
INSERT INTO plan_signatures (plan_id, number, side, user_id)
SELECT plan_id, number, 'learner', author_id FROM v;

WITH p AS (INSERT INTO plans (institution_id, learner_id, title, state, latest_version,
                              agreed_version, created_by)
           SELECT institution_id, id, 'Thirty goals', 'agreed', 2, 2, id
             FROM users WHERE username = 'amira' RETURNING id, institution_id, learner_id),
     v AS (INSERT INTO plan_versions (plan_id, number, institution_id, author_id, side, content)
           SELECT p.id, n, p.institution_id, p.learner_id, 'learner',
                  jsonb_build_object('learner_account', 'In my own words, version ' || n,
                                     'tutor_account', 'The tutor''s view', 'support', 'Weekly sessions',
                                     'goals', pg_temp.goals(30))
             FROM p, generate_series(1, 2) n RETURNING plan_id, number, author_id)
INSERT INTO plan_signatures (plan_id, number, side, user_id)
SELECT v.plan_id, 2, s.side, CASE WHEN s.side = 'learner' THEN v.author_id
                                  ELSE (SELECT id FROM users WHERE username = 'priya') END
  FROM v, (VALUES ('learner'), ('tutor')) s(side) WHERE v.number = 2;

-- Half the learners' plans agreed and in use.
WITH agreed AS (UPDATE plans p SET state = 'agreed', awaiting = NULL, agreed_version = 1
                 WHERE p.title = 'My plan for the year' AND p.learner_id IN (
                       SELECT id FROM users WHERE username LIKE 'planner%'
                          AND substr(username, 8)::int % 2 = 0)
                RETURNING p.id, p.institution_id, p.learner_id),
     signed AS (INSERT INTO plan_signatures (plan_id, number, side, user_id)
                SELECT id, 1, 'tutor', (SELECT id FROM users WHERE username = 'priya') FROM agreed),
     statuses AS (INSERT INTO plan_goal_updates (plan_id, goal_key, status, note, author_id, side)
                  SELECT a.id, lpad(g::text, 12, '0'),
                         (ARRAY['not_started', 'in_progress', 'achieved'])[g], 'On my way', a.learner_id,
                         'learner'
                    FROM agreed a, generate_series(1, 3) g)
INSERT INTO plan_reviews (plan_id, institution_id, held_on, notes, next_review, author_id,
                          tutor_signed_by, tutor_signed_at)
SELECT a.id, a.institution_id, current_date - 20, 'We met and talked it through.',
       current_date + (a.id % 30)::int - 10, u.id, u.id, now()
  FROM agreed a, users u WHERE u.username = 'priya';

-- Amira's thirty goals in use.
WITH p AS (SELECT p.id, p.institution_id, p.learner_id, t.id AS tutor
             FROM plans p, users t WHERE p.title = 'Thirty goals' AND t.username = 'priya'),
     page AS (INSERT INTO portfolio_pages (institution_id, owner_id, title)
              SELECT institution_id, learner_id, 'Evidence for my plan' FROM p RETURNING id),
     statuses AS (INSERT INTO plan_goal_updates (plan_id, goal_key, status, note, author_id, side)
                  SELECT p.id, lpad(g::text, 12, '0'),
                         (ARRAY['not_started', 'in_progress', 'achieved'])[1 + g % 3],
                         'Where this goal stands, and why', p.learner_id, 'learner'
                    FROM p, generate_series(1, 30) g),
     links AS (INSERT INTO plan_goal_links (plan_id, goal_key, page_id, added_by)
               SELECT p.id, lpad(g::text, 12, '0'), page.id, p.learner_id
                 FROM p, page, generate_series(1, 10) g),
     reviews AS (INSERT INTO plan_reviews (plan_id, institution_id, held_on, notes, next_steps,
                                           next_review, author_id, tutor_signed_by,
                                           tutor_signed_at, learner_signed_by, learner_signed_at)
                 SELECT p.id, p.institution_id, current_date - 30 * n, 'Review notes ' || n,
                        'Next steps ' || n, current_date - 30 * n + 30, p.tutor, p.tutor, now(),
                        p.learner_id, now()
                   FROM p, generate_series(1, 3) n)
INSERT INTO plan_comments (plan_id, institution_id, author_id, side, version, body)
SELECT p.id, p.institution_id, CASE WHEN n % 2 = 0 THEN p.tutor ELSE p.learner_id END,
       CASE WHEN n % 2 = 0 THEN 'tutor' ELSE 'learner' END, 2, 'A comment about the plan, number ' || n
  FROM p, generate_series(1, 10) n;

VACUUM ANALYZE;
