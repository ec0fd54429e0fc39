-- Demo student voice: Sofia is also a students' union officer; her
-- college-wide poll on enrichment week has closed with eight votes (past
-- the threshold of five); Amira's poll for ENG3-A on the workshop is open;
-- and the "you said, we did" boards hold issues in several states, one of
-- them overdue. The closed poll's ballots are counted through voice_count,
-- as the mixer counts an opened batch; the open poll waits for votes,
-- which only the app can seal. Safe to run again.
UPDATE users SET roles = roles | 64 WHERE username = 'sofia';

DO $$
DECLARE
    inst bigint := (SELECT id FROM institutions WHERE slug = 'riverside');
    sofia bigint := (SELECT id FROM users WHERE username = 'sofia');
    amira bigint := (SELECT id FROM users WHERE username = 'amira');
    poll bigint;
    q_day bigint; q_food bigint; q_rank bigint; q_text bigint;
    opt bigint[];
    food bigint[];
    rank bigint[];
    v record;
BEGIN
    IF inst IS NULL OR EXISTS (SELECT 1 FROM polls WHERE institution_id = inst) THEN
        RETURN;
    END IF;

    -- The closed, anonymous, college-wide poll.
    INSERT INTO polls (institution_id, created_by, scope, title, description, anonymous,
                       visibility, opens_at, closes_at)
    VALUES (inst, sofia, 'college', 'Enrichment week: what should we run?',
            'The students'' union is planning enrichment week in February. Tell us what you want.',
            true, 'closed', now() - interval '10 days', now() + interval '1 hour')
    RETURNING id INTO poll;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 1, 'single', 'Which day suits you best?', 1, 1) RETURNING id INTO q_day;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 2, 'rating', 'How good is the food in the canteen?', 1, 1)
    RETURNING id INTO q_food;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 3, 'ranked', 'Rank the activities you would most like', 1, 4)
    RETURNING id INTO q_rank;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required,
                                min_choices, max_choices)
    VALUES (poll, inst, 4, 'text', 'Any other ideas?', false, 0, 1) RETURNING id INTO q_text;
    INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)
    SELECT q, poll, inst, n, label
      FROM (VALUES (q_day, 1, 'Monday'), (q_day, 2, 'Wednesday'), (q_day, 3, 'Friday'),
                   (q_food, 1, '1 – Very poor'), (q_food, 2, '2'), (q_food, 3, '3'),
                   (q_food, 4, '4'), (q_food, 5, '5 – Excellent'),
                   (q_rank, 1, 'Climbing wall'), (q_rank, 2, 'Film club'),
                   (q_rank, 3, 'Volunteering day'), (q_rank, 4, 'Careers fair')) o(q, n, label);
    opt := ARRAY(SELECT id FROM poll_options WHERE question_id = q_day ORDER BY position);
    food := ARRAY(SELECT id FROM poll_options WHERE question_id = q_food ORDER BY position);
    rank := ARRAY(SELECT id FROM poll_options WHERE question_id = q_rank ORDER BY position);
    CREATE TEMP TABLE demo_ballots ON COMMIT DROP AS
    SELECT row_number() OVER ()::int AS b, u.id, x.day, x.food AS canteen, x.r1, x.r2, x.r3, x.idea
      FROM (VALUES ('amira', 3, 2, 1, 3, 2, 'A robotics challenge between colleges'),
                   ('jack', 3, 3, 1, 2, NULL, ''),
                   ('sofia', 2, 2, 3, 4, 1, 'Mock interviews with local employers'),
                   ('liam', 1, 4, 4, 3, NULL, 'Something in the evening for adult learners'),
                   ('priya', 2, 3, 2, 1, NULL, ''),
                   ('tom', 2, 2, 3, 1, 4, ''),
                   ('grace', 1, 3, 4, 3, 2, 'A first-aid course'),
                   ('david', 3, 1, 1, 3, 2, ''))
           AS x(username, day, food, r1, r2, r3, idea)
      JOIN users u ON u.username = x.username;
    CREATE TEMP TABLE demo_choices ON COMMIT DROP AS
    SELECT b, opt[day] AS o, NULL::int AS r FROM demo_ballots
    UNION ALL SELECT b, food[canteen], NULL FROM demo_ballots
    UNION ALL SELECT b, rank[r1], 1 FROM demo_ballots
    UNION ALL SELECT b, rank[r2], 2 FROM demo_ballots
    UNION ALL SELECT b, rank[r3], 3 FROM demo_ballots WHERE r3 IS NOT NULL;
    INSERT INTO poll_voters (poll_id, user_id, institution_id)
    SELECT poll, id, inst FROM demo_ballots;
    UPDATE polls SET voters = 8 WHERE id = poll;
    -- The whole poll as one batch, opened at its close.
    PERFORM voice_count(poll, ARRAY(SELECT seq FROM poll_voters WHERE poll_id = poll), 8, 0,
                        ARRAY(SELECT b FROM demo_choices ORDER BY b, r NULLS FIRST),
                        ARRAY(SELECT o FROM demo_choices ORDER BY b, r NULLS FIRST),
                        ARRAY(SELECT r FROM demo_choices ORDER BY b, r NULLS FIRST),
                        ARRAY(SELECT b FROM demo_ballots WHERE idea <> '' ORDER BY b),
                        ARRAY(SELECT q_text FROM demo_ballots WHERE idea <> '' ORDER BY b),
                        ARRAY(SELECT idea FROM demo_ballots WHERE idea <> '' ORDER BY b),
                        '{}', '{}');
    UPDATE polls SET closes_at = now() - interval '3 days', final_at = now() WHERE id = poll;
    UPDATE poll_voters SET voted_on = current_date - 5 WHERE poll_id = poll;

    -- The open poll for ENG3-A.
    INSERT INTO polls (institution_id, created_by, scope, title, description, anonymous,
                       visibility, opens_at, closes_at)
    VALUES (inst, amira, 'cohorts', 'The engineering workshop',
            'I am meeting the head of department next week about the workshop.',
            true, 'voted', now() - interval '1 day', now() + interval '6 days')
    RETURNING id INTO poll;
    INSERT INTO poll_cohorts (poll_id, cohort_id, institution_id)
    SELECT poll, id, inst FROM cohorts WHERE code = 'ENG3-A' AND institution_id = inst;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 1, 'multiple', 'When would you use the workshop outside lessons?', 1, 2)
    RETURNING id INTO q_day;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required,
                                min_choices, max_choices)
    VALUES (poll, inst, 2, 'text', 'What would make the workshop better?', false, 0, 1)
    RETURNING id INTO q_text;
    INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)
    SELECT q_day, poll, inst, n, label
      FROM (VALUES (1, 'Before 9'), (2, 'Lunchtime'), (3, 'After 4'), (4, 'Not at all')) o(n, label);
END $$;

-- "You said, we did": issues and their timelines.
DO $$
DECLARE
    inst bigint := (SELECT id FROM institutions WHERE slug = 'riverside');
    issue bigint;
    i record;
BEGIN
    IF inst IS NULL OR EXISTS (SELECT 1 FROM voice_issues WHERE institution_id = inst) THEN
        RETURN;
    END IF;
    FOR i IN SELECT * FROM (VALUES
        ('ENG3-A', 'amira', 'priya', 'Open the workshop at lunchtime',
         'Most of us want to finish **coursework builds** at lunchtime: the workshop is locked '
         || 'from 12 to 1.', 20, 10,
         ARRAY['received', 'accepted'],
         ARRAY['', 'From next Monday a technician will keep the workshop open 12:15 to 12:55, '
                   || 'Mondays to Thursdays.']),
        ('ENG3-A', 'amira', 'david', 'Replace the broken lathe',
         'The second lathe has been out of order since September.', 40, 25,
         ARRAY['considering', 'done'],
         ARRAY['We have asked for quotes.', 'A new lathe was installed on 10 November.']),
        ('ENG3-A', 'amira', 'priya', 'Deadlines for units 4 and 7 fall in the same week',
         'Could one of the two deadlines move?', 12, -3, ARRAY['received'], ARRAY['']),
        ('PSY-Y13', 'sofia', 'tom', 'Revision sessions before mocks',
         'The class would like two extra revision sessions before the January mocks.', 9, 7,
         ARRAY['not_possible'],
         ARRAY['The rooms are all booked for exams that week, so we cannot add sessions; the '
               || 'revision materials are now on the course page instead.']),
        (NULL, 'sofia', 'helen', 'Enrichment week in February',
         'Eight of us answered the union''s poll: a Wednesday or Friday, with a climbing wall '
         || 'and a film club, came top.', 3, 11, ARRAY['considering'],
         ARRAY['The senior team will look at dates at its next meeting.'])
        ) AS x(cohort, raiser, responsible, title, body, age, due, statuses, responses)
    LOOP
        INSERT INTO voice_issues (institution_id, cohort_id, raised_by, responsible_id, title,
                                  body_md, body_html, status, due_on, created_at, updated_at,
                                  overdue_told_on)
        SELECT inst, (SELECT id FROM cohorts WHERE code = i.cohort AND institution_id = inst),
               (SELECT id FROM users WHERE username = i.raiser),
               (SELECT id FROM users WHERE username = i.responsible), i.title, i.body,
               '<p>' || replace(replace(i.body, '**coursework builds**',
                                        '<strong>coursework builds</strong>'), '''', '&#39;')
               || '</p>',
               i.statuses[cardinality(i.statuses)], current_date + i.due,
               now() - i.age * interval '1 day', now() - interval '1 day',
               CASE WHEN i.due < 0 THEN current_date END
        RETURNING id INTO issue;
        INSERT INTO voice_issue_events (issue_id, institution_id, actor_id, status, created_at)
        SELECT issue, inst, raised_by, 'raised', created_at FROM voice_issues WHERE id = issue;
        INSERT INTO voice_issue_events (issue_id, institution_id, actor_id, status, response_md,
                                        response_html, created_at)
        SELECT issue, inst, (SELECT id FROM users WHERE username = i.responsible), s.status,
               s.response, CASE WHEN s.response = '' THEN '' ELSE '<p>' || s.response || '</p>' END,
               now() - (i.age - 2 * s.n) * interval '1 day'
          FROM unnest(i.statuses, i.responses) WITH ORDINALITY s(status, response, n);
    END LOOP;
END $$;
