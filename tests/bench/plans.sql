-- make bench's plan data (scripts/bench.sh loads it): Priya tutors a cohort
-- of 200 learners, each with a plan she was proposed (three goals each),
-- and Amira has a plan of 30 goals, agreed at its second version.
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
             'assessment', 'Portfolio page') ORDER BY i)
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

VACUUM ANALYZE;
