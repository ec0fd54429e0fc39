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

-- Middle managers below David, Maria and Owen, with a plan each for this
-- year: the curriculum leads of engineering and science, the business and
-- computing team's leads, and the careers manager. Helen reads David's,
-- Maria's and Owen's plans anyway (she is their line manager), so these
-- are what her college view can count: two departments of three plans
-- each she cannot read, and learner services (Owen's and Ruth's plans)
-- too small, left out. New people keep any changes made to them since.
INSERT INTO users (institution_id, username, display_name, email, roles, pronouns, bio, department,
                   line_manager_id)
SELECT i.id, u.username, u.display_name, u.email, 2 | 4, u.pronouns, u.bio, u.department, m.id
  FROM (VALUES
    ('kwame', 'Kwame Asante', 'kwame@riverside.example', 'he/him',
     'Curriculum lead for engineering and motor vehicle, from apprentices to T Levels.',
     'Engineering, science and access', 'david'),
    ('fiona', 'Fiona MacLeod', 'fiona@riverside.example', 'she/her',
     'Curriculum lead for science: applied science and the A-level sciences.',
     'Engineering, science and access', 'david'),
    ('aisha', 'Aisha Rahman', 'aisha@riverside.example', 'she/her',
     'Curriculum lead for English and maths in the department: GCSE resits and Functional Skills.',
     'Engineering, science and access', 'david'),
    ('gareth', 'Gareth Evans', 'gareth@riverside.example', 'he/him',
     'Curriculum lead for computing and digital, including the digital T Level.',
     'Business and computing', 'maria'),
    ('joanne', 'Joanne Clarke', 'joanne@riverside.example', 'she/her',
     'Curriculum lead for business, accounting and AAT.', 'Business and computing', 'maria'),
    ('meilin', 'Mei Lin Chen', 'meilin@riverside.example', 'she/her',
     'Apprenticeships manager for business and digital: 140 apprentices with 60 employers.',
     'Business and computing', 'maria'),
    ('ruth', 'Ruth Gallagher', 'ruth@riverside.example', 'she/her',
     'Careers and progression manager.', 'Learner services', 'owen'))
    AS u(username, display_name, email, pronouns, bio, department, manager)
  JOIN institutions i ON i.slug = 'riverside'
  JOIN users m ON m.username = u.manager AND m.institution_id = i.id
ON CONFLICT (username) DO NOTHING;

INSERT INTO leadership_plans (institution_id, owner_id, academic_year, aspiration)
SELECT u.institution_id, u.id, '2026/27', p.aspiration
  FROM (VALUES
    ('kwame', 'To grow a team of engineering lecturers who lead their own improvement, so that '
              'I can spend my time on the curriculum rather than on arrangements.'),
    ('fiona', 'To lead the move to the new applied science qualification with my team, not for '
              'them.'),
    ('aisha', 'To make English and maths feel part of every learner''s course, not a punishment '
              'for last summer''s grade.'),
    ('gareth', 'To make our digital courses feel like real work, and to share the quality work '
               'across my course leaders.'),
    ('joanne', 'To keep results high while the team gets its evenings back.'),
    ('meilin', 'To make apprentices partners in their own training, with their employers.'),
    ('ruth', 'To make sure every learner leaves with a next step they chose.'))
    AS p(username, aspiration)
  JOIN users u ON u.username = p.username
  JOIN institutions i ON i.id = u.institution_id AND i.slug = 'riverside'
ON CONFLICT (owner_id, academic_year) DO NOTHING;

-- Their goals, activities, reflections and reviews, only while none of
-- these plans has a goal yet (a first load).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM leadership_plans p JOIN users u ON u.id = p.owner_id
                    WHERE u.username = 'kwame' AND p.academic_year = '2026/27')
       OR EXISTS (SELECT 1 FROM leadership_goals g JOIN leadership_plans p ON p.id = g.plan_id
                    JOIN users u ON u.id = p.owner_id
                   WHERE p.academic_year = '2026/27'
                     AND u.username IN ('kwame', 'fiona', 'aisha', 'gareth', 'joanne', 'meilin',
                                        'ruth')) THEN
        RETURN;
    END IF;

    INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable, achievable,
                                  relevant, due_on, theme_id, status)
    SELECT p.id, p.institution_id, g.title, g.specific, g.measurable, g.achievable, g.relevant,
           g.due_on, t.id, g.status
      FROM (VALUES
        ('kwame', 'Raise in-year retention on Level 2 motor vehicle',
         'Review attendance and progress every week with the Level 2 motor vehicle team, using '
         'the college''s early-warning report, and agree a named action for every learner it flags.',
         'Retention on Level 2 motor vehicle rises from 82% last year to at least 88% at the Easter '
         'census.',
         'The early-warning report exists already; the team have agreed a 20-minute slot in the '
         'Monday briefing.',
         'Motor vehicle had the lowest retention in the department last year, and our last '
         'inspection asked us to act on it.',
         DATE '2027-04-30', 'Using data to improve', 'in_progress'),
        ('kwame', 'Hand the T Level placements to two lecturers',
         'Coach two lecturers to organise the T Level industry placements with employers, which I '
         'arrange myself at present.',
         'By June both manage their own employer contacts, and every T Level learner has a '
         'confirmed placement that I did not arrange.',
         'Both have asked for more responsibility, and the employer team will introduce them.',
         'Placements take a day of my week; handing them on frees me to lead curriculum planning.',
         DATE '2027-06-30', 'Coaching and developing staff', 'in_progress'),
        ('kwame', 'Replace the two oldest vehicle lifts',
         'Make the case for replacing the workshop''s two oldest vehicle lifts from this year''s '
         'capital budget.',
         'A costed bid agreed by the estates team and submitted by January.',
         'The estates team have the inspection reports.',
         'The lifts fail their inspections more often each year, and learners lose practical time.',
         DATE '2027-01-31', 'Managing resources', 'dropped'),
        ('fiona', 'Learners shape when their practicals are assessed',
         'Work with the science course reps to redesign the practical assessment calendar, so '
         'that learners choose when to be assessed within each unit''s window.',
         'A new calendar in use on two courses by February; satisfaction with assessment in the '
         'spring learner survey rises from 61% to 75%.',
         'The reps raised it in the autumn poll, and the awarding body allows flexible windows.',
         'Learners told us their assessment deadlines bunch up in the same weeks as their other '
         'subjects.',
         DATE '2027-05-31', 'Learner voice and personalisation', 'in_progress'),
        ('fiona', 'Lead the move to the new applied science qualification',
         'Plan the switch to the new Level 3 applied science qualification for September 2027 '
         'with the team: they write the schemes of work, I make the time and check the quality.',
         'Year 1 schemes of work written by the team and checked by May; every lecturer has taught '
         'a trial lesson from them.',
         'Two planning days are in the staff development calendar, and the awarding body runs '
         'free training.',
         'The old qualification is being withdrawn; at the last change the team said they were '
         'told rather than asked.',
         DATE '2027-07-09', 'Leading change', 'not_started'),
        ('aisha', 'More resit learners reach grade 4 in maths',
         'Use the November mock results to regroup GCSE maths resit learners by the topics they '
         'are missing, each with a personal target reviewed every half term.',
         'The share of resit learners reaching grade 4 or above rises from 19% to 25% in the '
         'summer 2027 series.',
         'The mock data is in, and the maths team have agreed to the regrouping.',
         'Grade 4 in maths is a condition of funding for learners'' study programmes, and the '
         'door to their next step.',
         DATE '2027-08-26', 'Using data to improve', 'in_progress'),
        ('aisha', 'Hear from resit learners why they miss maths',
         'Hold short focus groups with resit learners in every vocational area about why they '
         'come to maths and English less often than to their main course.',
         'Six focus groups held, and what they said shared with learners and their course teams.',
         'The course reps have offered to bring learners along; each group takes a tutorial slot.',
         'Attendance at maths resits is 74%, against 89% on main courses.',
         DATE '2026-11-30', 'Learner voice and personalisation', 'in_progress'),
        ('gareth', 'Learners propose their own project briefs',
         'Let Level 3 computing learners propose their own briefs for the final project, agreed '
         'with an employer and their tutor.',
         'At least half the group working on a brief they proposed by the spring term, and fewer '
         'late submissions than last year''s 31%.',
         'Three local employers have offered to review the briefs.',
         'Learners said in the autumn poll that the set briefs feel nothing like real work.',
         DATE '2027-03-31', 'Learner voice and personalisation', 'in_progress'),
        ('gareth', 'Course leaders lead observations of teaching',
         'Observe lessons jointly with each of my three course leaders, then let them lead '
         'developmental observations of their own teams.',
         'Each course leader has led two observations, with written feedback that the lecturer '
         'observed found useful.',
         'The observation policy allows joint observations, and the cover is budgeted.',
         'Maria asked me to spread quality work across the team; at present I do every '
         'observation myself.',
         DATE '2027-02-26', 'Coaching and developing staff', 'in_progress'),
        ('gareth', 'Fill the new cyber security lab',
         'Timetable the new cyber security lab for adult evening courses and apprentices as well '
         'as the full-time groups.',
         'The lab in use for 70% of its available hours by the summer term (40% now).',
         'The adult courses are in the prospectus; the apprentices'' employers want the time.',
         'The Local Skills Improvement Fund paid for the lab to serve local employers, not only '
         'our 16 to 18 year olds.',
         DATE '2027-06-30', 'Managing resources', 'not_started'),
        ('joanne', 'Spot AAT learners falling behind before the mocks',
         'Keep a simple progress tracker for each AAT group, fed by the unit assessments, and '
         'review it with the tutors every fortnight.',
         'Every learner below target has an agreed plan within a fortnight; at least 80% pass the '
         'January assessments first time (72% last year).',
         'The unit assessments are marked already; the tracker is one spreadsheet per group.',
         'Last year we found out who was struggling only when the mock results came in.',
         DATE '2027-01-29', 'Using data to improve', 'in_progress'),
        ('joanne', 'Coach two new lecturers through their first year',
         'Meet each of the two lecturers who joined in September every fortnight to plan, review '
         'a lesson and talk through what is hard.',
         'Both complete their probation, and both say in the summer survey that they felt '
         'supported.',
         'The time is in my timetable, and both are keen.',
         'We lost two new lecturers in their first year last year.',
         DATE '2027-07-09', 'Coaching and developing staff', 'in_progress'),
        ('joanne', 'Cut the team''s marking load, not the feedback',
         'Agree with the team whole-class feedback for the business units, instead of written '
         'comments on every script.',
         'Lecturers report fewer hours of marking in the December workload survey, and learners '
         'still rate the feedback as useful.',
         'Two colleagues piloted it last summer; the quality team approved it.',
         'Two of the team were off with stress last year, and the staff survey named marking as '
         'the biggest pressure.',
         DATE '2026-12-04', 'Wellbeing and resilience', 'achieved'),
        ('meilin', 'Apprentices and employers plan the training together',
         'At every progress review the apprentice, their employer and their skills coach agree '
         'the next twelve weeks of off-the-job training together, written in the apprentice''s '
         'own words.',
         'Every apprentice''s training plan updated at each review, and fewer than 5% of '
         'apprentices behind on their off-the-job hours by March (18% now).',
         'The reviews happen anyway; the skills coaches have agreed a new agenda.',
         'Apprentices told us reviews are done to them, not with them.',
         DATE '2027-03-31', 'Learner voice and personalisation', 'in_progress'),
        ('meilin', 'Move progress reviews online',
         'Replace paper progress reviews with the college''s e-portfolio for all of the business '
         'and digital apprentices, with the skills coaches and employers.',
         'All reviews recorded online from February, and employers sign them there.',
         'The e-portfolio is already licensed; two skills coaches use it already.',
         'Paper reviews get lost between the workplace and the college, and employers cannot see '
         'them.',
         DATE '2027-02-26', 'Leading change', 'in_progress'),
        ('meilin', 'Two skills coaches become lead coaches',
         'Coach two experienced skills coaches to lead the new reviews with their colleagues, '
         'each looking after a group of four.',
         'Both lead their group''s monthly standardisation meeting from March, without me.',
         'Both applied for the senior skills coach posts last year.',
         'The apprenticeship team has grown to twelve: I can no longer coach everyone myself.',
         DATE '2027-06-30', 'Coaching and developing staff', 'not_started'),
        ('ruth', 'Every learner leaves with a next step',
         'Make sure every learner in their final year has a careers interview and a next step '
         'recorded before they leave: a job, an apprenticeship or further study.',
         'Destinations known for 95% of leavers by October (81% this year).',
         'The careers advisers have agreed to a rota of drop-in sessions in each department.',
         'Leavers we lose touch with are the ones most likely to be out of work or study.',
         DATE '2027-07-09', 'Learner voice and personalisation', 'in_progress'))
        AS g(username, title, specific, measurable, achievable, relevant, due_on, theme, status)
      JOIN users u ON u.username = g.username
      JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = '2026/27'
      JOIN leadership_themes t ON t.institution_id = p.institution_id AND t.name = g.theme;

    INSERT INTO leadership_activities (plan_id, institution_id, goal_id, kind, title, details,
                                       status, starts_on, ends_on)
    SELECT p.id, p.institution_id, g.id, a.kind, a.title, a.details, a.status, a.starts_on,
           a.ends_on
      FROM (VALUES
        ('kwame', NULL, 'course', 'The college''s middle leaders'' programme',
         'Six half-day sessions with other new curriculum leads: managing performance, budgets, '
         'and leading teaching and learning.', 'in_progress', DATE '2026-09-30', DATE '2027-03-24'),
        ('kwame', 'Hand the T Level placements to two lecturers', 'coaching',
         'Monthly coaching conversations with David', '', 'in_progress', DATE '2026-10-01',
         DATE '2027-06-30'),
        ('kwame', 'Raise in-year retention on Level 2 motor vehicle', 'project',
         'Early-warning review in the Monday briefing',
         'Twenty minutes each Monday: every learner flagged gets a named action and a name '
         'beside it.', 'in_progress', DATE '2026-09-21', DATE '2027-04-30'),
        ('fiona', 'Lead the move to the new applied science qualification', 'coaching',
         'Three sessions with an external leadership coach',
         'Paid from the leadership development budget: on explaining why before deciding what.',
         'planned', DATE '2027-01-11', DATE '2027-04-30'),
        ('fiona', 'Learners shape when their practicals are assessed', 'shadowing',
         'Shadow the quality team at a curriculum deep dive',
         'To see how learners'' views are gathered and used in another department.', 'done',
         DATE '2026-11-12', DATE '2026-11-12'),
        ('fiona', NULL, 'reading', 'Read “Leading Change” by John Kotter', '', 'done',
         DATE '2026-09-01', DATE '2026-10-31'),
        ('aisha', 'More resit learners reach grade 4 in maths', 'course',
         'Teaching for mastery in post-16 maths',
         'Four twilight sessions with the regional Centre for Excellence in Maths.', 'in_progress',
         DATE '2026-10-14', DATE '2027-02-10'),
        ('aisha', 'More resit learners reach grade 4 in maths', 'project',
         'Regroup the resit classes after the November mock', '', 'done', DATE '2026-11-16',
         DATE '2026-11-27'),
        ('aisha', NULL, 'reading', 'Read “Why Don''t Students Like School?” by Daniel Willingham',
         '', 'planned', NULL, NULL),
        ('gareth', 'Course leaders lead observations of teaching', 'coaching',
         'A coaching conversation with Maria after each joint observation', '', 'in_progress',
         DATE '2026-10-05', DATE '2027-02-26'),
        ('gareth', 'Learners propose their own project briefs', 'shadowing',
         'Two days with a software team at a local employer',
         'To see how real briefs are written and changed, before asking learners to write theirs.',
         'done', DATE '2026-10-22', DATE '2026-10-23'),
        ('gareth', 'Learners propose their own project briefs', 'project',
         'Learner-written project briefs, with three employers',
         'Learners draft a brief, an employer reviews it, the tutor agrees it.', 'in_progress',
         DATE '2026-11-02', DATE '2027-03-31'),
        ('joanne', NULL, 'course', 'Mental Health First Aid (two days)',
         'So that I can spot the signs in the team, and in myself, earlier.', 'done',
         DATE '2026-09-24', DATE '2026-09-25'),
        ('joanne', 'Spot AAT learners falling behind before the mocks', 'project',
         'A progress tracker for each AAT group', '', 'in_progress', DATE '2026-09-14',
         DATE '2027-01-29'),
        ('joanne', 'Cut the team''s marking load, not the feedback', 'other',
         'Present whole-class feedback at the college''s teaching and learning day',
         'Twenty minutes, with the two colleagues who piloted it.', 'planned', DATE '2027-02-17',
         DATE '2027-02-17'),
        ('meilin', NULL, 'course', 'ILM Level 5 Certificate in Leadership and Management',
         'Five workshop days and an assignment on leading change.', 'in_progress',
         DATE '2026-10-07', DATE '2027-05-19'),
        ('meilin', 'Apprentices and employers plan the training together', 'shadowing',
         'Shadow an end-point assessor for a day',
         'To see what apprentices are asked at the end, and plan back from it.', 'planned',
         DATE '2027-01-26', DATE '2027-01-26'),
        ('meilin', 'Move progress reviews online', 'project',
         'Online progress reviews with three employers first',
         'A pilot before Christmas with the three employers who asked for it.', 'in_progress',
         DATE '2026-11-09', DATE '2026-12-18'),
        ('ruth', 'Every learner leaves with a next step', 'project',
         'Careers drop-ins in each department', '', 'in_progress', DATE '2026-10-05',
         DATE '2027-06-25'))
        AS a(username, goal, kind, title, details, status, starts_on, ends_on)
      JOIN users u ON u.username = a.username
      JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = '2026/27'
      LEFT JOIN leadership_goals g ON g.plan_id = p.id AND g.title = a.goal;

    INSERT INTO leadership_reflections (plan_id, institution_id, goal_id, written_on, body_md,
                                        body_html)
    SELECT p.id, p.institution_id, g.id, r.written_on, r.body_md, r.body_html
      FROM (VALUES
        ('kwame', 'Raise in-year retention on Level 2 motor vehicle', DATE '2026-11-20',
         'Six weeks of the Monday review. The team now bring the names **before** I ask, which '
         'was the point. Two learners we would have lost in October are still with us.',
         '<p>Six weeks of the Monday review. The team now bring the names <strong>before</strong> '
         'I ask, which was the point. Two learners we would have lost in October are still with '
         'us.</p>'),
        ('meilin', 'Apprentices and employers plan the training together', DATE '2026-11-27',
         'First three-way review on the new agenda. The apprentice spoke for most of it and '
         'chose a project at work that covers two of her behaviours. Her employer said it was '
         'the first review that felt useful to him too.',
         '<p>First three-way review on the new agenda. The apprentice spoke for most of it and '
         'chose a project at work that covers two of her behaviours. Her employer said it was '
         'the first review that felt useful to him too.</p>'))
        AS r(username, goal, written_on, body_md, body_html)
      JOIN users u ON u.username = r.username
      JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = '2026/27'
      LEFT JOIN leadership_goals g ON g.plan_id = p.id AND g.title = r.goal;

    -- Reviews held by each plan owner's line manager, signed by both.
    INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md, notes_html,
                                    next_review, author_id, manager_id, owner_signed_at,
                                    manager_signed_at)
    SELECT p.id, p.institution_id, r.held_on, r.agenda, r.notes, '<p>' || r.notes || '</p>',
           r.next_review, u.line_manager_id, u.line_manager_id,
           r.held_on + time '16:30' + interval '1 day', r.held_on + time '15:00'
      FROM (VALUES
        ('kwame', DATE '2026-10-16', E'1. Goals for the year\n2. The middle leaders'' programme',
         'We agreed retention first: the data is clear and the team are ready. The lifts bid '
         'waits for the capital round.', DATE '2027-01-15'),
        ('fiona', DATE '2026-10-21', E'1. The new qualification\n2. Coaching',
         'Fiona will put the calendar to the course reps before half term. We agreed an external '
         'coach for the spring, while the change is under way.', DATE '2027-01-20'),
        ('gareth', DATE '2026-10-09', E'1. Goals for the year\n2. Observations',
         'Gareth''s course leaders are keen to observe. We agreed joint observations first, then '
         'they lead from January.', DATE '2027-01-29'),
        ('joanne', DATE '2026-10-14', E'1. Goals for the year\n2. Workload',
         'The marking change is agreed by the team; Joanne will report the workload survey in '
         'December.', DATE '2027-02-03'),
        ('meilin', DATE '2026-09-16', E'1. Goals for the year\n2. The ILM course',
         'Mei Lin starts the ILM course in October; the online reviews pilot starts after half '
         'term.', DATE '2026-11-25'),
        ('meilin', DATE '2026-11-25', E'1. The pilot so far\n2. Apprentices behind on their hours',
         'The pilot employers like signing online. Mei Lin will share the new review agenda with '
         'all the skills coaches in January.', DATE '2027-02-24'),
        ('ruth', DATE '2026-10-12', E'1. Destinations\n2. The drop-in rota',
         'Every department has agreed a drop-in slot; Ruth will report the first numbers at '
         'Christmas.', DATE '2027-01-18'))
        AS r(username, held_on, agenda, notes, next_review)
      JOIN users u ON u.username = r.username
      JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = '2026/27';

    INSERT INTO leadership_review_actions (review_id, institution_id, position, description,
                                           owner_id, due_on, done_at)
    SELECT v.id, v.institution_id, a.position, a.description,
           CASE WHEN a.by_manager THEN u.line_manager_id ELSE u.id END, a.due_on, a.done_at
      FROM (VALUES
        ('kwame', DATE '2026-10-16', 1, 'Add the early-warning review to the Monday briefing',
         false, DATE '2026-10-19', TIMESTAMPTZ '2026-10-19 09:00+01'),
        ('kwame', DATE '2026-10-16', 2, 'Introduce Kwame to the employer team', true,
         DATE '2026-10-30', TIMESTAMPTZ '2026-10-28 12:00+00'),
        ('fiona', DATE '2026-10-21', 1, 'Find an external coach for the spring term', true,
         DATE '2026-12-18', NULL),
        ('meilin', DATE '2026-11-25', 1, 'Share the new review agenda with the skills coaches',
         false, DATE '2027-01-15', NULL))
        AS a(username, held_on, position, description, by_manager, due_on, done_at)
      JOIN users u ON u.username = a.username
      JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = '2026/27'
      JOIN leadership_reviews v ON v.plan_id = p.id AND v.held_on = a.held_on;
END $$;
