-- Demo learning plans: Amira's, agreed with Priya at version 2, and Liam's,
-- proposed by Grace and waiting for him.
WITH content AS (
    SELECT 'amira' AS learner, 'priya' AS tutor, 'My Level 3 engineering plan' AS title,
           jsonb_build_object(
             'learner_account', E'I am good at practical work and CAD.\nI find long written reports hard, and I want to go on to an engineering apprenticeship.',
             'tutor_account', 'Strong practical and design skills. Needs support structuring written work; would benefit from study-skills sessions.',
             'support', 'A weekly study-skills session, and feedback on report drafts within a week.',
             'goals', jsonb_build_array(
               jsonb_build_object('title', 'Pass unit 6 (robot arm) with a merit',
                                  'criteria', 'Merit grade on the assignment, with a written report of 1,000 words',
                                  'target', to_char(current_date + 120, 'YYYY-MM-DD'),
                                  'activities', 'Workshop sessions each week; report drafted in sections with my tutor',
                                  'assessment', 'Portfolio page and assignment', 'key', '000000000001'),
               jsonb_build_object('title', 'Apply for three apprenticeships',
                                  'criteria', 'Three applications sent, with a CV my tutor has read',
                                  'target', to_char(current_date + 200, 'YYYY-MM-DD'),
                                  'activities', 'Careers fair; two mock interviews',
                                  'assessment', 'Applications sent', 'key', '000000000002'))) AS c
    UNION ALL
    SELECT 'liam', 'grace', 'Access to HE: my plan',
           jsonb_build_object(
             'learner_account', '',
             'tutor_account', 'Liam brings ten years of care work. Academic writing is new to him.',
             'support', 'Academic writing workshop, fortnightly tutorials.',
             'goals', jsonb_build_array(
               jsonb_build_object('title', 'Write my first essay with references',
                                  'criteria', 'A 1,500-word essay with Harvard references, passed',
                                  'target', to_char(current_date + 60, 'YYYY-MM-DD'),
                                  'activities', 'Library session; writing workshop', 'assessment', 'Essay', 'key', '000000000003')))),
plan AS (
    INSERT INTO plans (institution_id, learner_id, title, state, awaiting, latest_version,
                       agreed_version, created_by)
    SELECT l.institution_id, l.id, c.title,
           CASE WHEN c.learner = 'amira' THEN 'agreed' ELSE 'proposed' END,
           CASE WHEN c.learner = 'amira' THEN NULL ELSE 'learner' END,
           CASE WHEN c.learner = 'amira' THEN 2 ELSE 1 END,
           CASE WHEN c.learner = 'amira' THEN 2 END,
           CASE WHEN c.learner = 'amira' THEN l.id ELSE t.id END
      FROM content c JOIN users l ON l.username = c.learner JOIN users t ON t.username = c.tutor
     WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.learner_id = l.id AND p.title = c.title)
    RETURNING id, institution_id, learner_id, title),
versions AS (
    INSERT INTO plan_versions (plan_id, number, institution_id, author_id, side, note, content,
                               created_at)
    SELECT plan.id, v.number, plan.institution_id,
           CASE WHEN v.side = 'learner' THEN l.id ELSE t.id END, v.side, v.note,
           CASE WHEN v.number = 1 AND c.learner = 'amira'
                THEN c.c - 'tutor_account' || '{"tutor_account": ""}'::jsonb ELSE c.c END,
           now() - (3 - v.number) * interval '2 days'
      FROM plan JOIN content c ON c.title = plan.title
      JOIN users l ON l.id = plan.learner_id JOIN users t ON t.username = c.tutor
     CROSS JOIN LATERAL (VALUES (1, CASE WHEN c.learner = 'amira' THEN 'learner' ELSE 'tutor' END, ''),
                                (2, 'tutor', 'Added my view and the study-skills support.'))
           AS v(number, side, note)
     WHERE v.number = 1 OR c.learner = 'amira'
    RETURNING plan_id, number, side, author_id)
INSERT INTO plan_signatures (plan_id, number, side, user_id)
SELECT v.plan_id, v.number, v.side, v.author_id FROM versions v
UNION ALL
SELECT v.plan_id, 2, 'learner', p.learner_id FROM versions v JOIN plan p ON p.id = v.plan_id
 WHERE v.number = 2;
