-- Demo plan progress: a course template for Engineering group A (Jack
-- can start his plan from it), and Amira's agreed plan in use: one goal
-- in progress with her robot-arm page linked, a review signed by both,
-- and a comment from Priya.
INSERT INTO plan_templates (institution_id, cohort_id, title, author_id, content)
SELECT c.institution_id, c.id, 'Engineering Level 3, 2026/27', t.id,
       jsonb_build_object(
         'support', 'Weekly workshop time, a personal tutorial each half term, and careers guidance in the spring term.',
         'goals', jsonb_build_array(
           jsonb_build_object('title', 'Pass every unit of the year', 'key', '00000000000a',
                              'criteria', 'A pass or better in each unit assignment',
                              'target', to_char(current_date + 180, 'YYYY-MM-DD'),
                              'activities', 'Workshop sessions; assignments handed in on time',
                              'assessment', 'Unit assignments'),
           jsonb_build_object('title', 'Plan my next step after college', 'key', '00000000000b',
                              'criteria', 'An application or offer for a job, apprenticeship or course',
                              'target', to_char(current_date + 200, 'YYYY-MM-DD'),
                              'activities', 'Careers fair; a mock interview',
                              'assessment', 'Applications sent')))
  FROM cohorts c JOIN users t ON t.username = 'priya' AND t.institution_id = c.institution_id
 WHERE c.code = 'ENG3-A'
   AND NOT EXISTS (SELECT 1 FROM plan_templates x WHERE x.cohort_id = c.id);

WITH plan AS (
    SELECT p.id, p.institution_id, p.learner_id, t.id AS tutor_id
      FROM plans p JOIN users l ON l.id = p.learner_id AND l.username = 'amira'
      JOIN users t ON t.username = 'priya'
     WHERE p.title = 'My Level 3 engineering plan'
       AND NOT EXISTS (SELECT 1 FROM plan_reviews r WHERE r.plan_id = p.id)),
status AS (
    INSERT INTO plan_goal_updates (plan_id, goal_key, status, note, author_id, side)
    SELECT id, '000000000001', 'in_progress', 'Arm built; report drafted in two sections.',
           learner_id, 'learner' FROM plan),
link AS (
    INSERT INTO plan_goal_links (plan_id, goal_key, page_id, added_by)
    SELECT plan.id, '000000000001', pg.id, plan.learner_id
      FROM plan JOIN portfolio_pages pg ON pg.owner_id = plan.learner_id
     WHERE pg.title = 'Robot arm project (unit 6)'),
review AS (
    INSERT INTO plan_reviews (plan_id, institution_id, held_on, notes, next_steps, next_review,
                              author_id, tutor_signed_by, tutor_signed_at, learner_signed_by,
                              learner_signed_at)
    SELECT id, institution_id, current_date - 7,
           E'Good progress on the robot arm. The report is the hard part: we agreed to work on it section by section.',
           'Draft the method section before the next review.', current_date + 21,
           tutor_id, tutor_id, now() - interval '7 days', learner_id, now() - interval '6 days'
      FROM plan)
INSERT INTO plan_comments (plan_id, institution_id, author_id, side, version, body)
SELECT id, institution_id, tutor_id, 'tutor', 2,
       'Remember the careers fair is on the 12th: bring two copies of your CV.'
  FROM plan;
