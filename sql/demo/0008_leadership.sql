-- Personalised Leadership Plans at Riverside: departments, the college's
-- instruments and development themes, two more middle managers, and
-- David's plan for this year (a profile, goals, activities, reflections, a
-- signed review and a closed 360-degree round). Safe to run again.

INSERT INTO users (institution_id, username, display_name, email, roles, pronouns, bio)
SELECT i.id, u.username, u.display_name, u.email, u.roles, u.pronouns, u.bio
  FROM (VALUES
    ('maria', 'Maria Costa', 'maria@riverside.example', 2 | 4, 'she/her',
     'Head of business and computing.'),
    ('owen', 'Owen Price', 'owen@riverside.example', 2 | 4, 'he/him',
     'Head of learner services: admissions, welfare and careers.'))
    AS u(username, display_name, email, roles, pronouns, bio)
  JOIN institutions i ON i.slug = 'riverside'
ON CONFLICT (username) DO NOTHING;

UPDATE users u SET line_manager_id = m.id
  FROM users m WHERE m.username = 'helen' AND u.username IN ('maria', 'owen')
   AND u.line_manager_id IS NULL;

UPDATE users SET department = d.department
  FROM (VALUES ('david', 'Engineering, science and access'), ('priya', 'Engineering, science and access'),
               ('tom', 'Engineering, science and access'), ('grace', 'Engineering, science and access'),
               ('maria', 'Business and computing'), ('owen', 'Learner services'),
               ('helen', 'Senior leadership'))
       AS d(username, department)
 WHERE users.username = d.username AND users.department = '';

INSERT INTO leadership_themes (institution_id, name)
SELECT i.id, t.name
  FROM (VALUES ('Leading change'), ('Coaching and developing staff'), ('Using data to improve'),
               ('Learner voice and personalisation'), ('Managing resources'),
               ('Wellbeing and resilience')) AS t(name)
  JOIN institutions i ON i.slug = 'riverside'
ON CONFLICT (institution_id, name) DO NOTHING;

INSERT INTO instruments (institution_id, name, kind, description, scale_min, scale_max, feedback)
SELECT i.id, x.name, x.kind, x.description, x.lo, x.hi, x.feedback
  FROM (VALUES
    ('Team-role inventory', 'scales',
     'How you tend to behave in a team: points shared out across nine roles (0 to 70 each).',
     0, 70, false),
    ('Working-style type', 'type',
     'A type indicator: which of four broad working styles suits you best.', NULL, NULL, false),
    ('Leadership behaviours (360)', 'scales',
     'Six behaviours of a middle leader, each rated from 1 (rarely) to 5 (consistently). '
     'Colleagues answer it about you in a 360-degree round; you can answer it about yourself.',
     1, 5, true))
    AS x(name, kind, description, lo, hi, feedback)
  JOIN institutions i ON i.slug = 'riverside'
ON CONFLICT (institution_id, name) DO NOTHING;

INSERT INTO instrument_items (instrument_id, position, name)
SELECT ins.id, it.position, it.name
  FROM (VALUES
    ('Team-role inventory', 1, 'Ideas'), ('Team-role inventory', 2, 'Resources'),
    ('Team-role inventory', 3, 'Coordinating'), ('Team-role inventory', 4, 'Driving'),
    ('Team-role inventory', 5, 'Evaluating'), ('Team-role inventory', 6, 'Teamwork'),
    ('Team-role inventory', 7, 'Implementing'), ('Team-role inventory', 8, 'Finishing'),
    ('Team-role inventory', 9, 'Specialist knowledge'),
    ('Working-style type', 1, 'Analyst'), ('Working-style type', 2, 'Diplomat'),
    ('Working-style type', 3, 'Organiser'), ('Working-style type', 4, 'Explorer'),
    ('Leadership behaviours (360)', 1, 'Sets a clear direction'),
    ('Leadership behaviours (360)', 2, 'Coaches and develops people'),
    ('Leadership behaviours (360)', 3, 'Listens to learners and staff'),
    ('Leadership behaviours (360)', 4, 'Makes timely decisions'),
    ('Leadership behaviours (360)', 5, 'Leads change well'),
    ('Leadership behaviours (360)', 6, 'Stays calm under pressure'))
    AS it(instrument, position, name)
  JOIN instruments ins ON ins.name = it.instrument
  JOIN institutions i ON i.id = ins.institution_id AND i.slug = 'riverside'
ON CONFLICT (instrument_id, position) DO NOTHING;

-- David's plan for this year, and Maria's and Owen's, once.
INSERT INTO leadership_plans (institution_id, owner_id, academic_year, aspiration)
SELECT u.institution_id, u.id, '2026/27', p.aspiration
  FROM (VALUES
    ('david', 'To lead by coaching rather than by telling, and to bring learners'' voices into '
              'how the department plans its courses.'),
    ('maria', 'To build a team that uses its own data to improve.'),
    ('owen', 'To make every learner feel heard from the first day of enrolment.'))
    AS p(username, aspiration)
  JOIN users u ON u.username = p.username
ON CONFLICT (owner_id, academic_year) DO NOTHING;

-- The rest only when David's plan has no profile yet (a first load).
DO $$
DECLARE
    plan bigint;
    college bigint;
    roles_result bigint;
    feedback_result bigint;
    coaching bigint;
    voice bigint;
    course bigint;
    review bigint;
    round bigint;
    behaviours bigint;
BEGIN
    SELECT p.id, p.institution_id INTO plan, college FROM leadership_plans p
      JOIN users u ON u.id = p.owner_id WHERE u.username = 'david' AND p.academic_year = '2026/27';
    IF plan IS NULL OR EXISTS (SELECT 1 FROM profile_results WHERE plan_id = plan) THEN
        RETURN;
    END IF;
    SELECT id INTO behaviours FROM instruments
     WHERE institution_id = college AND name = 'Leadership behaviours (360)';

    INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on, notes)
    SELECT plan, college, id, DATE '2026-09-18',
           'Strong on driving and implementing, low on teamwork and ideas: I get things done, '
           'but I may be doing too much of it myself.'
      FROM instruments WHERE institution_id = college AND name = 'Team-role inventory'
    RETURNING id INTO roles_result;
    INSERT INTO profile_scores (result_id, item_id, score)
    SELECT roles_result, it.id, s.score
      FROM (VALUES (1, 4), (2, 6), (3, 9), (4, 16), (5, 8), (6, 3), (7, 15), (8, 7), (9, 2))
           AS s(position, score)
      JOIN instrument_items it ON it.position = s.position
      JOIN instruments i ON i.id = it.instrument_id
     WHERE i.institution_id = college AND i.name = 'Team-role inventory';

    INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on, type_item_id,
                                 notes)
    SELECT plan, college, i.id, DATE '2026-09-25', it.id,
           'An organiser: plans, lists and deadlines. Worth remembering that my team are not all like me.'
      FROM instruments i JOIN instrument_items it ON it.instrument_id = i.id AND it.name = 'Organiser'
     WHERE i.institution_id = college AND i.name = 'Working-style type';

    -- A 360-degree round answered by David's three reports, then closed.
    INSERT INTO feedback_rounds (plan_id, institution_id, instrument_id, prompt, answer_count,
                                 counted, opened_at, closed_at, final_at)
    VALUES (plan, college, behaviours,
            'Please be honest: I want to know how it feels to be managed by me.', 3, 3,
            TIMESTAMPTZ '2026-10-01 09:00+01', TIMESTAMPTZ '2026-10-20 17:00+01',
            TIMESTAMPTZ '2026-10-20 17:00+01')
    RETURNING id INTO round;
    INSERT INTO feedback_invitations (round_id, invitee_id, institution_id, answered, opened)
    SELECT round, u.id, college, u.username <> 'helen', u.username <> 'helen'
      FROM users u WHERE u.username IN ('priya', 'tom', 'grace', 'helen');
    INSERT INTO feedback_answers (round_id, institution_id, scores, comment)
    VALUES (round, college, '{4,2,3,5,3,4}',
            'Always clear about what needs doing. I would value more time to talk through how, '
            'rather than being handed the answer.'),
           (round, college, '{5,3,4,4,4,3}', ''),
           (round, college, '{4,2,4,5,3,4}',
            'Very fair, and quick to decide. Coaching us to solve problems ourselves would help '
            'the team grow.');
    INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on, source, answers)
    VALUES (plan, college, behaviours, DATE '2026-10-20', 'feedback', 3)
    RETURNING id INTO feedback_result;
    INSERT INTO profile_scores (result_id, item_id, score)
    SELECT feedback_result, it.id, s.score
      FROM (VALUES (1, 4.33), (2, 2.33), (3, 3.67), (4, 4.67), (5, 3.33), (6, 3.67))
           AS s(position, score)
      JOIN instrument_items it ON it.instrument_id = behaviours AND it.position = s.position;

    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, theme_id, status)
    SELECT plan, college, 'Coach my course leaders rather than tell them',
           'Hold a monthly coaching conversation with each of my three course leaders, using the '
           'GROW model, instead of giving them solutions.',
           'Twelve coaching conversations logged by March; my score for “Coaches and develops '
           'people” in the next 360 round rises from 2.3 to at least 3.5.',
           'The college pays for the ILM coaching course, and Helen has agreed to coach me.',
           'My 360 feedback and team-role profile both say I take on too much myself; my course '
           'leaders need room to grow.',
           DATE '2027-03-31', t.id, 'in_progress'
      FROM leadership_themes t WHERE t.institution_id = college
       AND t.name = 'Coaching and developing staff'
    RETURNING id INTO coaching;
    INSERT INTO leadership_goal_results (goal_id, result_id)
    VALUES (coaching, roles_result), (coaching, feedback_result);

    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, theme_id)
    SELECT plan, college, 'Bring learners into course planning',
           'Invite the course reps of each of my courses to the spring course-review meetings '
           'and act on at least one of their proposals per course.',
           'Reps attend all three spring reviews; three changes made and reported back to '
           'learners by June.',
           'The reps already run polls; the meetings are in my calendar.',
           'Learner voice is the college''s priority this year, and my lowest 360 score after '
           'coaching was listening to learners.',
           DATE '2027-06-30', t.id
      FROM leadership_themes t WHERE t.institution_id = college
       AND t.name = 'Learner voice and personalisation'
    RETURNING id INTO voice;
    INSERT INTO leadership_goal_results (goal_id, result_id) VALUES (voice, feedback_result);

    INSERT INTO leadership_activities (plan_id, institution_id, goal_id, kind, title, details,
                                       status, starts_on, ends_on)
    VALUES (plan, college, coaching, 'course', 'ILM Level 5 Certificate in Coaching and Mentoring',
            'Six workshop days and 12 hours of logged coaching practice.', 'in_progress',
            DATE '2026-10-05', DATE '2027-03-15')
    RETURNING id INTO course;
    INSERT INTO leadership_activities (plan_id, institution_id, goal_id, kind, title, status,
                                       starts_on, ends_on)
    VALUES (plan, college, coaching, 'coaching', 'Monthly coaching sessions with Helen', 'in_progress',
            DATE '2026-10-01', DATE '2027-06-30'),
           (plan, college, voice, 'shadowing',
            'Shadow the student union''s course-rep forum', 'planned', DATE '2027-01-20',
            DATE '2027-01-20'),
           (plan, college, NULL, 'reading', 'Read “The Coaching Habit” by Michael Bungay Stanier',
            'done', DATE '2026-09-01', DATE '2026-10-15');

    INSERT INTO leadership_reflections (plan_id, institution_id, goal_id, activity_id, written_on,
                                        body_md, body_html)
    VALUES (plan, college, coaching, course, DATE '2026-11-06',
            'First practice session with Priya. I caught myself offering an answer **three times** '
            'in twenty minutes. The fourth time I asked "what else?" instead, and she came up '
            'with a better plan than mine.',
            '<p>First practice session with Priya. I caught myself offering an answer '
            '<strong>three times</strong> in twenty minutes. The fourth time I asked “what else?” '
            'instead, and she came up with a better plan than mine.</p>');

    INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md, notes_html,
                                    next_review, author_id, manager_id, owner_signed_at,
                                    manager_signed_at)
    SELECT plan, college, DATE '2026-10-23',
           E'1. The 360 feedback\n2. Goals for the year\n3. Support from the college',
           'We read the 360 results together. David was surprised by the coaching score; we '
           'agreed it is the one to work on first, with the ILM course.',
           '<p>We read the 360 results together. David was surprised by the coaching score; we '
           'agreed it is the one to work on first, with the ILM course.</p>',
           DATE '2027-01-22', h.id, h.id, TIMESTAMPTZ '2026-10-24 10:00+01',
           TIMESTAMPTZ '2026-10-23 16:00+01'
      FROM users h WHERE h.username = 'helen'
    RETURNING id INTO review;
    INSERT INTO leadership_review_actions (review_id, institution_id, position, description,
                                           owner_id, due_on, done_at)
    SELECT review, college, a.position, a.description, u.id, a.due_on, a.done_at
      FROM (VALUES (1, 'Book the ILM coaching course', 'david', DATE '2026-11-01',
                    TIMESTAMPTZ '2026-10-28 12:00+00'),
                   (2, 'Find a budget line for the course', 'helen', DATE '2026-11-01',
                    TIMESTAMPTZ '2026-10-27 12:00+00'),
                   (3, 'Invite the course reps to the spring reviews', 'david',
                    DATE '2027-01-15', NULL))
           AS a(position, description, username, due_on, done_at)
      JOIN users u ON u.username = a.username;

    -- Maria's and Owen's plans hold a goal each, for the college's view.
    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, theme_id, status)
    SELECT p.id, p.institution_id, g.title, g.specific, g.measurable, g.achievable, g.relevant,
           g.due_on, t.id, g.status
      FROM (VALUES
        ('maria', 'Course teams read their own data', 'Each course team reviews retention and '
         'achievement data termly with me.', 'Three termly data reviews held.', 'The data '
         'dashboards exist already.', 'Our achievement gap is widening.', DATE '2027-07-15',
         'Using data to improve', 'in_progress'),
        ('owen', 'Hear every new learner in their first month', 'A five-minute check-in with '
         'each new learner by a named adviser.', '95% of new learners checked in by October '
         'half term.', 'Advisers have agreed to the rota.', 'Early leavers say nobody asked.',
         DATE '2026-10-31', 'Learner voice and personalisation', 'achieved'))
        AS g(username, title, specific, measurable, achievable, relevant, due_on, theme, status)
      JOIN users u ON u.username = g.username
      JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = '2026/27'
      JOIN leadership_themes t ON t.institution_id = p.institution_id AND t.name = g.theme;
END $$;
